import { useState } from 'react';
import { Button, FileTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { megabytes, readTextFile } from './read-text-file';

interface Props {
  /** What the button says, e.g. "Choose an inventory file". */
  label: string;
  /** File types offered in the picker, e.g. ['.csv', 'text/csv']. */
  accept: string[];
  maxBytes: number;
  onRead(file: { fileName: string; content: string }): void;
  isPending?: boolean;
}

/** A file picker (a real `<input type=file>` behind a large button) that reads the file as text. */
export function FileChooser({ label, accept, maxBytes, onRead, isPending = false }: Props) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string>();
  const [reading, setReading] = useState(false);

  const choose = (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    setProblem(undefined);
    setReading(true);
    void readTextFile(file, maxBytes).then((read) => {
      setReading(false);
      if (read.ok) {
        onRead({ fileName: read.fileName, content: read.content });
        return;
      }
      const values = {
        fileName: read.fileName,
        size: megabytes(read.bytes),
        max: megabytes(maxBytes),
      };
      setProblem(
        read.reason === 'tooLarge'
          ? t('inventory.file.tooLarge', values)
          : read.reason === 'empty'
            ? t('inventory.file.empty', values)
            : t('inventory.file.unreadable', values),
      );
    });
  };

  return (
    <div className="file-chooser">
      <FileTrigger acceptedFileTypes={accept} onSelect={choose}>
        <Button className="button button-primary" isPending={reading || isPending}>
          {reading ? t('inventory.file.reading') : label}
        </Button>
      </FileTrigger>
      <p className="field-help">{t('inventory.file.limit', { max: megabytes(maxBytes) })}</p>
      {problem ? (
        <p className="file-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
