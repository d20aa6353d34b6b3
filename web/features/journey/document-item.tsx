/**
 * One item of an application's checklist (or of a préfecture's request): the files sent, a file
 * chooser with a progress bar per file, replace and remove (draft only). A file refused — by the
 * browser's checks, with the server's own messages, or by the server — shows its reason beside the
 * item and leaves everything else as it was.
 */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentBody } from '../../../contract/applications';
import { api, isApiProblem } from '../../api/client';
import { usePersonScope } from './person-scope';
import { checkFile, sendFile } from './upload';

interface Transfer {
  key: string;
  name: string;
  progress: number;
  error?: string;
}

export interface DocumentItemProps {
  applicationId: string;
  itemId: string;
  name: string;
  hint?: string;
  badge?: string;
  accepts: readonly string[];
  maxFiles: number;
  maxFileBytes: number;
  documents: readonly DocumentBody[];
  /** Replace and remove (a draft only). */
  editable: boolean;
  /** Adding files (not once the application is closed). */
  canAdd: boolean;
  onChanged: () => Promise<void>;
}

export function DocumentItem(props: DocumentItemProps) {
  const { t } = useTranslation(['journey', 'errors']);
  const inputId = useId();
  const scope = usePersonScope();
  const [transfers, setTransfers] = useState<Transfer[]>([]);
  const [itemError, setItemError] = useState<string>();
  const counter = useRef(0);
  const full = props.documents.length >= props.maxFiles;
  /** A new choice of files clears the refusals shown for the previous one. */
  const clearRefusals = () => setTransfers((current) => current.filter((transfer) => transfer.error === undefined));

  const update = (key: string, change: Partial<Transfer>) => setTransfers((current) => current.map((transfer) => (transfer.key === key ? { ...transfer, ...change } : transfer)));

  const refusal = (file: File): string | undefined => {
    const refused = checkFile(file, props.accepts, props.maxFileBytes);
    return refused === undefined ? undefined : t(`errors:problems.${refused.code}.detail`, refused.params);
  };

  const send = async (file: File, method: 'POST' | 'PUT', path: string) => {
    counter.current += 1;
    const key = String(counter.current);
    const refused = refusal(file);
    setTransfers((current) => [...current, { key, name: file.name, progress: 0, ...(refused === undefined ? {} : { error: refused }) }]);
    if (refused !== undefined) return;
    try {
      await sendFile<DocumentBody>(method, path, file, (progress) => update(key, { progress }));
      await props.onChanged();
      setTransfers((current) => current.filter((transfer) => transfer.key !== key));
    } catch (error) {
      if (!isApiProblem(error)) throw error;
      update(key, { error: error.detail || error.title });
    }
  };

  const onAdd = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    setItemError(undefined);
    clearRefusals();
    for (const file of files) void send(file, 'POST', scope.api(`/applications/${encodeURIComponent(props.applicationId)}/items/${encodeURIComponent(props.itemId)}/documents`));
  };

  const onReplace = (document: DocumentBody) => (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    setItemError(undefined);
    clearRefusals();
    if (file !== undefined) void send(file, 'PUT', scope.api(`/applications/${encodeURIComponent(props.applicationId)}/documents/${encodeURIComponent(document.id)}`));
  };

  const onRemove = async (document: DocumentBody) => {
    setItemError(undefined);
    try {
      await api.delete(scope.api(`/applications/${encodeURIComponent(props.applicationId)}/documents/${encodeURIComponent(document.id)}`));
      await props.onChanged();
    } catch (error) {
      if (!isApiProblem(error)) throw error;
      setItemError(error.detail || error.title);
    }
  };

  const accepted = props.accepts.map((type) => type.split('/')[1]?.toUpperCase() ?? type).join(', ');
  return (
    <li className="fr-card fr-p-2w fr-mb-2w" data-testid={`item-${props.itemId}`}>
      <h3 className="fr-h6 fr-mb-1w">
        {props.name} {props.badge !== undefined && <span className="fr-text--sm fr-text--regular">({props.badge})</span>}
      </h3>
      {props.hint !== undefined && <p className="fr-text--sm fr-mb-1w">{props.hint}</p>}
      {props.documents.length === 0 ? (
        <p className="fr-text--sm fr-mb-1w">{t('application.documents.none')}</p>
      ) : (
        <ul className="sejour-plain-list">
          {props.documents.map((document) => (
            <li key={document.id} className="fr-mb-1w" data-testid="document">
              <a href={scope.url(`/applications/${encodeURIComponent(props.applicationId)}/documents/${encodeURIComponent(document.id)}/content`)} download className="sejour-break">
                {document.filename}
              </a>{' '}
              <span className="fr-text--sm">({t('application.documents.size', { size: Math.max(1, Math.round(document.sizeBytes / 1024)) })})</span>
              {document.addedAfterFiling && <span className="fr-text--sm"> — {t('application.documents.addedAfterFiling')}</span>}
              {props.editable && (
                <div className="fr-mt-1w">
                  <label className="fr-btn fr-btn--sm fr-btn--secondary fr-mr-1w" htmlFor={`${inputId}-replace-${document.id}`}>
                    {t('application.documents.replace', { name: document.filename })}
                  </label>
                  <input id={`${inputId}-replace-${document.id}`} type="file" className="fr-sr-only" accept={props.accepts.join(',')} onChange={onReplace(document)} />
                  <Button size="small" priority="tertiary" type="button" onClick={() => void onRemove(document)} title={t('application.documents.removeTitle', { name: document.filename })}>
                    {t('application.documents.remove')}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {transfers.map((transfer) => (
        <div key={transfer.key} className="fr-mb-1w" data-testid="transfer">
          {transfer.error === undefined ? (
            <>
              <label htmlFor={`${inputId}-${transfer.key}`} className="fr-text--sm sejour-break">
                {t('application.documents.sending', { name: transfer.name, percent: Math.round(transfer.progress * 100) })}
              </label>
              <progress id={`${inputId}-${transfer.key}`} max={100} value={Math.round(transfer.progress * 100)} className="sejour-progress" />
            </>
          ) : (
            <p className="fr-error-text fr-mt-0" role="alert" data-testid="upload-error">
              {t('application.documents.refused', { name: transfer.name, reason: transfer.error })}
            </p>
          )}
        </div>
      ))}
      {itemError !== undefined && (
        <p className="fr-error-text" role="alert">
          {itemError}
        </p>
      )}
      {props.canAdd && !full && (
        <div className="fr-upload-group fr-mt-1w">
          <label className="fr-label" htmlFor={inputId}>
            {t('application.documents.add', { name: props.name })}
            <span className="fr-hint-text">{t('application.documents.addHint', { accepted, limitMiB: Math.round(props.maxFileBytes / (1024 * 1024)) })}</span>
          </label>
          <input className="fr-upload" id={inputId} type="file" multiple={props.maxFiles - props.documents.length > 1} accept={props.accepts.join(',')} onChange={onAdd} data-testid={`upload-${props.itemId}`} />
        </div>
      )}
    </li>
  );
}
