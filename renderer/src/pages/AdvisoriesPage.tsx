import { useState } from 'react';
import { Button, Input, Label, SearchField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { AdvisoryDetailView } from '../advisories/AdvisoryDetailView';
import { AdvisoryImportPanel } from '../advisories/AdvisoryImportPanel';
import { AdvisoryTable } from '../advisories/AdvisoryTable';
import { useAdvisoryList } from '../advisories/use-advisory-list';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageHeading } from '../components/PageHeading';
import { PageLink } from '../components/PageLink';
import { useDebouncedValue } from '../devices/use-debounced-value';
import { advisoryHref, idFromSegment, useHashPath } from '../cases/hash-path';
import { useMay } from '../inventory/use-may';
import '../styles/inventory.css';

export function AdvisoriesPage() {
  const { t } = useTranslation();
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), 250);
  const list = useAdvisoryList(search);
  // The open advisory lives in the hash (`#/advisories/<id>`): other pages link to it.
  const openId = idFromSegment(useHashPath()[0]);
  const [importing, setImporting] = useState(false);
  const mayImport = useMay('advisories.import');

  const open = (id: number) => {
    setImporting(false);
    window.location.hash = advisoryHref(id);
  };

  let body;
  if (openId !== undefined) {
    body = (
      <AdvisoryDetailView
        id={openId}
        key={openId}
        onBack={() => {
          window.location.hash = advisoryHref();
          list.reload();
        }}
      />
    );
  } else if (list.error) {
    body = <ErrorMessage error={list.error} onRetry={list.reload} />;
  } else if (!list.advisories) {
    body = <p className="loading-text">{t('inventory.advisories.loading')}</p>;
  } else if (list.advisories.length === 0 && !search) {
    body = importing ? null : (
      <EmptyState
        title={t('advisories.emptyTitle')}
        action={
          mayImport ? (
            <Button className="button button-primary" onPress={() => setImporting(true)}>
              {t('inventory.advisoryImport.openPanel')}
            </Button>
          ) : (
            <PageLink page="devices">{t('advisories.emptyAction')}</PageLink>
          )
        }
      >
        <p>{t('advisories.emptyBody')}</p>
      </EmptyState>
    );
  } else {
    body = (
      <>
        <div className="row-ends page-toolbar">
          <SearchField className="search-field" value={searchText} onChange={setSearchText}>
            <Label className="field-label">{t('inventory.advisories.searchLabel')}</Label>
            <Input className="text-input" maxLength={200} />
          </SearchField>
          <p className="device-count" role="status">
            {t('inventory.advisories.count', { count: list.advisories.length })}
          </p>
        </div>
        {list.advisories.length === 0 ? (
          <EmptyState title={t('inventory.advisories.noMatch', { search })}>
            <p>{t('inventory.advisories.noMatchHelp')}</p>
          </EmptyState>
        ) : (
          <AdvisoryTable advisories={list.advisories} onOpen={open} />
        )}
      </>
    );
  }

  return (
    <div className="advisories-page">
      <div className="row-ends devices-heading">
        <PageHeading title={t('advisories.title')} intro={t('advisories.intro')} />
        {mayImport && !importing && openId === undefined ? (
          <div className="devices-actions">
            <Button className="button button-primary" onPress={() => setImporting(true)}>
              {t('inventory.advisoryImport.openPanel')}
            </Button>
          </div>
        ) : null}
      </div>
      {importing ? (
        <AdvisoryImportPanel
          onImported={list.reload}
          onOpen={open}
          onClose={() => setImporting(false)}
        />
      ) : null}
      {body}
    </div>
  );
}
