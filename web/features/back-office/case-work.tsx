/**
 * The case page's work panel (docs/adr/0019-back-office-flags-and-dashboard.md): who works the
 * case (assign to myself, to a colleague, to nobody), the flags of the daily check, and the block
 * on the automatic attestation de prolongation with its written reason.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../../contract/back-office';
import { api, isApiProblem } from '../../api/client';

export const BLOCK_REASON_MIN = 20;

export function CaseWork({ file, onDone }: { file: CaseFile; onDone: (message: string) => void }) {
  const { t } = useTranslation('back-office');
  const [error, setError] = useState<string>();
  const [colleague, setColleague] = useState('');
  const [reason, setReason] = useState('');
  const base = `/staff/applications/${file.application.id}`;
  const expectedUpdatedAt = file.application.updatedAt;
  const open = ['submitted', 'documents_requested', 'complete'].includes(file.application.status);
  const { assignee } = file.assignment;

  const act = async (done: string, call: () => Promise<unknown>, event?: FormEvent) => {
    event?.preventDefault();
    setError(undefined);
    try {
      await call();
      onDone(t(done));
    } catch (failure) {
      setError(isApiProblem(failure) ? failure.detail : String(failure));
    }
  };

  return (
    <section aria-labelledby="case-work" className="fr-mt-4w">
      <h2 id="case-work">{t('work.title')}</h2>
      {error && <Alert className="fr-mb-2w" severity="error" small description={error} />}
      {file.flags.length > 0 && (
        <div className="fr-mb-2w">
          <h3 className="fr-h6">{t('work.flags')}</h3>
          <ul>
            {file.flags.map((flag) => (
              <li key={flag.kind}>
                <span className="fr-badge fr-badge--warning fr-badge--sm">{t(`flags.${flag.kind}`)}</span> {flag.aboutOn ?? ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p>{assignee ? t('work.assignedTo', { name: assignee.name }) : t('work.unassigned')}</p>
      {open && (
        <>
          <Button className="fr-mb-2w fr-mr-2w" priority="secondary" onClick={() => void act('work.assigned', () => api.post(`${base}/assignment`, { assigneeId: 'me', expectedUpdatedAt }))}>
            {t('work.assignMe')}
          </Button>
          {assignee && (
            <Button className="fr-mb-2w" priority="tertiary" onClick={() => void act('work.unassignedDone', () => api.post(`${base}/assignment`, { assigneeId: null, expectedUpdatedAt }))}>
              {t('work.unassign')}
            </Button>
          )}
          <form className="fr-mb-4w" onSubmit={(event) => void act('work.assigned', () => api.post(`${base}/assignment`, { assigneeId: colleague, expectedUpdatedAt }), event)}>
            <Select label={t('work.colleague')} nativeSelectProps={{ id: 'assign-colleague', value: colleague, onChange: (e) => setColleague(e.target.value), required: true }}>
              <option value="" disabled>
                {t('work.choose')}
              </option>
              {file.assignment.colleagues.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
            <Button type="submit" priority="secondary">
              {t('work.assignColleague')}
            </Button>
          </form>
        </>
      )}
      <h3 className="fr-h6">{t('work.prolongation')}</h3>
      {file.prolongationBlock ? (
        <>
          <p>{t('work.blocked', { name: file.prolongationBlock.blockedBy ?? '—', at: new Date(file.prolongationBlock.blockedAt).toLocaleString() })}</p>
          <blockquote>{file.prolongationBlock.reason}</blockquote>
          {open && (
            <Button priority="secondary" onClick={() => void act('work.unblocked', () => api.delete(`${base}/prolongation-block?expectedUpdatedAt=${encodeURIComponent(expectedUpdatedAt)}`))}>
              {t('work.unblock')}
            </Button>
          )}
        </>
      ) : (
        open && (
          <form onSubmit={(event) => void act('work.blockedDone', () => api.post(`${base}/prolongation-block`, { reason, expectedUpdatedAt }), event)}>
            <Input
              textArea
              label={t('work.reason')}
              hintText={t('work.reasonHint', { min: BLOCK_REASON_MIN })}
              nativeTextAreaProps={{ id: 'block-reason', value: reason, onChange: (e) => setReason(e.target.value), rows: 3, minLength: BLOCK_REASON_MIN, required: true }}
            />
            <Button type="submit" priority="secondary">
              {t('work.block')}
            </Button>
          </form>
        )
      )}
    </section>
  );
}
