import { Link, ToggleButton } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  boardAttentionKinds,
  type BoardAttentionKind,
  type BoardFilters,
  type BoardView,
} from '../../../electron/api/domains/board';
import { gateWords } from '../components/error-words';
import { attentionWhy } from './attention-words';
import { boardCaseHref } from './board-hrefs';
import { withFilter } from './board-query';

interface Props {
  view: BoardView;
  filters: BoardFilters;
  onFilters(filters: BoardFilters): void;
}

/** How many cases of each list the board shows inline; the toggle lists them all below. */
const shown = 2;

/** What needs the commander now: blocked, re-check overdue, re-review, awaiting a sign-off. */
export function AttentionLists({ view, filters, onFilters }: Props) {
  const { t } = useTranslation();
  const gate = gateWords(t);
  const toggle = (kind: BoardAttentionKind, on: boolean) =>
    onFilters(withFilter(filters, 'attention', on ? kind : undefined));

  return (
    <section className="board-attention" aria-labelledby="board-attention-title">
      <h2 id="board-attention-title" className="board-group-title">
        {t('board.attention.title')}
      </h2>
      <div className="board-attention-grid">
        {boardAttentionKinds.map((kind) => {
          const list = view.attention[kind];
          return (
            <section
              key={kind}
              className={`board-attention-card ${list.count > 0 ? 'board-attention-live' : ''}`}
              aria-labelledby={`attention-${kind}`}
              data-testid={`attention-${kind}`}
            >
              <div className="row-ends board-attention-top">
                <h3 id={`attention-${kind}`} className="board-attention-heading">
                  <span className="board-attention-count">{list.count}</span>{' '}
                  {t(`board.attention.${kind}`)}
                </h3>
                {list.count > 0 ? (
                  <ToggleButton
                    className="button button-secondary board-attention-filter"
                    isSelected={filters.attention === kind}
                    onChange={(on) => toggle(kind, on)}
                  >
                    {filters.attention === kind
                      ? t('board.attention.showAll')
                      : t('board.attention.showOnly', { count: list.count })}
                  </ToggleButton>
                ) : null}
              </div>
              {list.count === 0 ? (
                <p className="board-attention-none">{t('board.attention.none')}</p>
              ) : (
                <ul className="board-attention-items">
                  {list.cases.slice(0, shown).map((item) => (
                    <li key={`${item.station?.id ?? ''}/${item.caseId}`}>
                      {item.station ? (
                        // Worked at the station that holds it: named, not opened here.
                        <span className="board-attention-remote">
                          {t('board.attention.atStation', {
                            assetTag: item.assetTag,
                            station: item.station.name,
                          })}
                        </span>
                      ) : (
                        <Link className="board-case-link" href={boardCaseHref(item.caseId)}>
                          {item.assetTag}
                        </Link>
                      )}{' '}
                      {/* Two lines shown (the rest is cut): the whole line on hover. */}
                      <span
                        className="board-attention-why"
                        title={attentionWhy(t, gate, item, kind)}
                      >
                        {attentionWhy(t, gate, item, kind)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
}
