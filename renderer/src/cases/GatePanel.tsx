import { useTranslation } from 'react-i18next';
import type { GateView } from '../../../electron/api/domains/cases';
import { gateSentence } from '../../../electron/api/gate-words';
import { formatDecimal } from '../../../electron/api/number-format';
import { gateWords, missingLine } from '../components/error-words';
import { formatDateTime, formatMinutes } from './time-format';
import { ColumnHeads } from '../components/ColumnHeads';

/**
 * The patient-safety gate: its verdict, why, and for each injected patient the decay figures.
 * Four columns (the time since injection and the half-lives under the injection time); in a
 * narrow panel (the case page's side column) each patient's figures stack under the person, each
 * named by its column (`data-label`), so no column is squeezed narrower than its German words.
 */
export function GatePanel({ gate }: { gate: GateView }) {
  const { t } = useTranslation();
  const { t: heads } = useTranslation(undefined, { keyPrefix: 'cases.gate' });
  // The gate's words, in the station's language (the key comes from the services' catalogue).
  const lookup = gateWords(t);
  return (
    <section
      className={`case-panel gate gate-${gate.verdict}`}
      aria-labelledby="gate-title"
      data-testid="gate"
    >
      <div className="case-panel-head">
        <h2 id="gate-title">{t('cases.gate.title')}</h2>
        <span className={`verdict verdict-${gate.verdict}`}>
          {t(`cases.gate.verdict.${gate.verdict}`)}
        </span>
      </div>
      {gate.reasons.length > 0 ? (
        <>
          <p className="gate-lead">{t('cases.gate.reasonsLead')}</p>
          <ul className="gate-reasons">
            {gate.reasonWords.map((words) => {
              const reason = gateSentence(words, lookup);
              return <li key={reason}>{reason}</li>;
            })}
          </ul>
        </>
      ) : null}
      {gate.missing.length > 0 ? (
        <>
          <p className="gate-lead">{t('cases.gate.missingLead')}</p>
          <ul className="gate-missing">
            {gate.missing.map((m, i) => {
              const words = gate.missingWords[i];
              return <li key={m}>{words ? missingLine(t, words) : m}</li>;
            })}
          </ul>
        </>
      ) : null}
      {gate.notes.length > 0 ? (
        <ul className="gate-notes">
          {gate.noteWords.map((words) => {
            const note = gateSentence(words, lookup);
            return <li key={note}>{note}</li>;
          })}
        </ul>
      ) : null}
      {gate.patients.length > 0 ? (
        <table className="decay-table">
          <caption>{t('cases.gate.patientsCaption')}</caption>
          <ColumnHeads
            columns={[
              heads('patient'),
              heads('radionuclide'),
              heads('injectedAt'),
              heads('windowLeft'),
            ]}
          />
          <tbody>
            {gate.patients.map((p) => (
              <tr key={p.row} className={p.windowPassed ? 'decay-passed' : undefined}>
                <th scope="row">{t('cases.gate.patientN', { n: p.row })}</th>
                <td data-label={heads('radionuclide')}>
                  {p.radionuclide}
                  <span className="decay-sub">
                    {t('cases.gate.halfLife', { time: formatMinutes(t, p.halfLifeMinutes) })}
                  </span>
                </td>
                <td data-label={heads('injectedAt')}>
                  {formatDateTime(p.injectedAt)}
                  <span className="decay-sub">
                    {t('cases.gate.sinceInjection', {
                      time: formatMinutes(t, p.elapsedMinutes),
                      halfLives: formatDecimal(p.halfLivesElapsed, lookup.language, 2),
                    })}
                  </span>
                </td>
                <td data-label={heads('windowLeft')}>
                  {p.windowPassed
                    ? t('cases.gate.windowPassed')
                    : t('cases.gate.minutesLeft', {
                        time: formatMinutes(t, p.minutesLeftInWindow),
                        window: formatMinutes(t, p.imagingWindowMinutes),
                      })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
