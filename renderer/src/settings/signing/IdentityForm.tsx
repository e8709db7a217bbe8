import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SigningIdentityView } from '../../../../electron/api/domains/signing';
import type { Result } from '../../api/client';
import { PanelForm } from '../../components/PanelForm';
import { useSubmit } from '../../components/use-submit';
import { PassphrasePair, usePassphrasePair } from './PassphrasePair';

/** Each way to a new identity: its form's heading, and its button at rest and while it works. */
const ways = {
  generate: {
    title: 'settings.signing.generateTitle',
    submit: 'settings.signing.generate',
    busy: 'settings.signing.generating',
  },
  import: {
    title: 'settings.signing.importTitle',
    submit: 'settings.signing.import',
    busy: 'settings.signing.importing',
  },
} as const;

interface Props {
  way: keyof typeof ways;
  /** What is wrong with the form's own fields, in words, before the passphrases are compared. */
  problem?(): string | undefined;
  /** The call that makes the identity, its key encrypted with the new passphrase. */
  send(passphrase: string): Promise<Result<SigningIdentityView>>;
  /** The identity is in place: the form empties its own fields (the passphrases are cleared). */
  onSent?(): void;
  onDone(identity: SigningIdentityView): void;
  /** The way's own fields, above the new passphrase. */
  children: ReactNode;
}

/**
 * A new identity for the organisation, generated or imported: the way's own fields, then the
 * new passphrase typed twice. Nothing is sent while the two entries differ.
 */
export function IdentityForm({ way, problem, send, onSent, onDone, children }: Props) {
  const { t } = useTranslation();
  const pair = usePassphrasePair();
  const submit = useSubmit();
  const words = ways[way];

  const onSubmit = () => {
    const found = problem?.() ?? (pair.matches ? undefined : t('settings.signing.mismatch'));
    if (found !== undefined) return submit.fail(found);
    submit.run(send(pair.value), (identity) => {
      pair.clear();
      onSent?.();
      onDone(identity);
    });
  };

  return (
    <PanelForm
      title={{ id: `signing-${way}-title`, text: t(words.title) }}
      onSubmit={onSubmit}
      submitLabel={t(submit.busy ? words.busy : words.submit)}
      busy={submit.busy}
      error={submit.error}
    >
      {children}
      <PassphrasePair pair={pair} />
    </PanelForm>
  );
}
