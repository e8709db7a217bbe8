import { useState, type ComponentProps } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { EnrolmentReview } from '../../../electron/api/domains/stations';
import { call } from '../api/client';
import { SigningUnlockDialog } from '../board/SigningUnlockDialog';
import { useSigningGate } from '../board/use-signing-gate';
import { saveFile } from '../components/download';
import { ErrorMessage } from '../components/ErrorMessage';
import { FactList } from '../components/FactList';
import { LiveSuccessNotice } from '../components/SuccessNotice';
import { useSubmit } from '../components/use-submit';
import { FileChooser } from '../inventory/FileChooser';
import { useMay } from '../inventory/use-may';
import type { StationPartProps } from './station-part';

/** Enrolment request and response files are a few kilobytes of JSON. */
function EnrolmentFileChooser(
  props: Omit<ComponentProps<typeof FileChooser>, 'accept' | 'maxBytes'>,
) {
  return <FileChooser accept={['.json', 'application/json']} maxBytes={64_000} {...props} />;
}

/**
 * Enrolment on paper or a stick: a new station writes its request; the station holding the
 * organisation identity reviews it (name and fingerprint, compared with the other screen or read
 * aloud) and writes the response; the new station imports it.
 */
export function EnrolmentPanel({ station, onChanged }: StationPartProps) {
  const { t } = useTranslation();
  const mayRequest = useMay('stations.request');
  const mayEnrol = useMay('stations.enrol');
  // Kept here: once accepted, the station is enrolled and the steps to join are gone.
  const [accepted, setAccepted] = useState<string>();
  if (!station.initialised) return null;
  const joins = !station.enrolled && mayRequest;
  const enrols = station.holdsOrganisationIdentity && mayEnrol;
  if (!joins && !enrols && !accepted) return null;
  return (
    <section className="panel" aria-labelledby="exchange-enrolment-title">
      <h2 id="exchange-enrolment-title">{t('exchange.enrolment.title')}</h2>
      {joins ? (
        <JoinSteps
          onAccepted={(name) => {
            setAccepted(name);
            onChanged();
          }}
        />
      ) : null}
      <LiveSuccessNotice
        message={accepted ? t('exchange.enrolment.accepted', { name: accepted }) : undefined}
      />
      {enrols ? <EnrolStation onChanged={onChanged} /> : null}
    </section>
  );
}

function JoinSteps({ onAccepted }: { onAccepted(name: string): void }) {
  const { t } = useTranslation();
  const request = useSubmit();
  const accept = useSubmit();
  return (
    <div className="exchange-steps">
      <h3>{t('exchange.enrolment.joinTitle')}</h3>
      <ol>
        <li>
          <p>{t('exchange.enrolment.requestStep')}</p>
          <Button
            className="button"
            isPending={request.busy}
            onPress={() =>
              request.run(call('stations.request', {}), (file) =>
                saveFile(file.fileName, 'application/json', file.content),
              )
            }
          >
            {t('exchange.enrolment.writeRequest')}
          </Button>
          {request.error ? <ErrorMessage error={request.error} /> : null}
        </li>
        <li>
          <p>{t('exchange.enrolment.responseStep')}</p>
          <EnrolmentFileChooser
            label={t('exchange.enrolment.chooseResponse')}
            isPending={accept.busy}
            onRead={({ content }) =>
              accept.run(call('stations.accept', { response: content }), (result) =>
                onAccepted(result.name),
              )
            }
          />
          {accept.error ? <ErrorMessage error={accept.error} /> : null}
        </li>
      </ol>
    </div>
  );
}

function EnrolStation({ onChanged }: { onChanged(): void }) {
  const { t } = useTranslation();
  const [request, setRequest] = useState<string>();
  const [review, setReview] = useState<EnrolmentReview>();
  const [enrolled, setEnrolled] = useState<string>();
  const reading = useSubmit();
  const enrolling = useSubmit();
  const gate = useSigningGate();

  const enrol = () => {
    if (!request) return;
    gate.whenUnlocked(() =>
      enrolling.run(call('stations.enrol', { request }), (result) => {
        saveFile(result.response.fileName, 'application/json', result.response.content);
        setEnrolled(result.name);
        setReview(undefined);
        setRequest(undefined);
        onChanged();
      }),
    );
  };

  return (
    <div className="exchange-steps">
      <h3>{t('exchange.enrolment.enrolTitle')}</h3>
      <p>{t('exchange.enrolment.enrolIntro')}</p>
      <EnrolmentFileChooser
        label={t('exchange.enrolment.chooseRequest')}
        isPending={reading.busy}
        onRead={({ content }) => {
          setEnrolled(undefined);
          reading.run(call('stations.reviewRequest', { request: content }), (r) => {
            setRequest(content);
            setReview(r);
          });
        }}
      />
      {reading.error ? <ErrorMessage error={reading.error} /> : null}
      {review ? (
        <div className="exchange-review" aria-labelledby="exchange-review-title">
          <h4 id="exchange-review-title">{t('exchange.enrolment.reviewTitle')}</h4>
          <FactList
            facts={[
              { label: t('exchange.station.name'), value: review.name },
              {
                label: t('exchange.enrolment.spoken'),
                value: review.keyFingerprintSpoken,
                className: 'fingerprint',
              },
              {
                label: t('exchange.station.fingerprint'),
                value: review.keyFingerprint,
                className: 'path',
              },
            ]}
          />
          {review.alreadyEnrolled ? (
            <p className="notice">{t('exchange.enrolment.alreadyEnrolled')}</p>
          ) : null}
          <p>{t('exchange.enrolment.compare')}</p>
          <Button className="button button-primary" isPending={enrolling.busy} onPress={enrol}>
            {t('exchange.enrolment.enrol', { name: review.name })}
          </Button>
        </div>
      ) : null}
      {gate.error ? <ErrorMessage error={gate.error} /> : null}
      {enrolling.error ? <ErrorMessage error={enrolling.error} /> : null}
      <LiveSuccessNotice
        message={enrolled ? t('exchange.enrolment.enrolled', { name: enrolled }) : undefined}
      />
      <SigningUnlockDialog
        {...gate.dialog}
        intro={t('exchange.unlock.enrolIntro')}
        submitLabel={t('exchange.unlock.submit')}
      />
    </div>
  );
}
