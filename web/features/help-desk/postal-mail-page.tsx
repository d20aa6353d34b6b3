/**
 * The letters to print and post (/agent/courrier, GET /api/v1/staff/postal-mail?status=): what the
 * people registered at the desks of the agent's préfectures must be told by post — a document
 * issued, documents requested, a reminder, an implicit rejection. Each letter opens as a PDF to
 * print (with the attestation it goes with, if any); once in the post, "mark as posted"
 * (POST …/:id/posted) moves it to the posted list. The list shown lives in the address.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { PostalMailItem, PostalMailListBody } from '../../../contract/help-desk';
import { API_BASE, api, isApiProblem, type ApiProblem } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useDocumentTitle } from '../../ui/use-document-title';
import { FocusedNotice } from '../account/form';
import { StaffGate } from '../back-office/staff-gate';
import { useFormat } from '../calculator/use-format';
import { HelpDeskLinks } from './help-desk-links';
import { HELP_DESK_PATHS } from './paths';

const STATUSES = ['to_post', 'posted'] as const;
type Status = (typeof STATUSES)[number];
/** The address's parameter, in French like the path: `?statut=envoye`. */
const STATUS_PARAM = 'statut';
const POSTED_VALUE = 'envoye';

export function postalMailPdfUrl(id: string): string {
  return `${API_BASE}/staff/postal-mail/${encodeURIComponent(id)}/pdf`;
}

export function PostalMailPage() {
  const { t } = useTranslation('help-desk');
  useDocumentTitle(t('postalMail.title'));
  return <StaffGate title={t('postalMail.title')}>{() => <PostalMail />}</StaffGate>;
}

function PostalMail() {
  const { t } = useTranslation('help-desk');
  const [params, setParams] = useSearchParams();
  const status: Status = params.get(STATUS_PARAM) === POSTED_VALUE ? 'posted' : 'to_post';
  const { data, problem, loading, reload } = useApi<PostalMailListBody>('/staff/postal-mail', { query: { status } });
  const [posted, setPosted] = useState<PostalMailItem>();

  return (
    <div className="fr-container fr-py-6w">
      <h1>{t('postalMail.title')}</h1>
      <HelpDeskLinks current="postalMail" />
      <p>{t('postalMail.intro')}</p>
      <SegmentedControl
        legend={t('postalMail.show')}
        small
        className="fr-mb-4w"
        segments={
          STATUSES.map((value) => ({
            label: t(`postalMail.statuses.${value}`),
            nativeInputProps: {
              checked: status === value,
              onChange: () => {
                setPosted(undefined);
                setParams(value === 'posted' ? { [STATUS_PARAM]: POSTED_VALUE } : {});
              },
            },
          })) as never
        }
      />
      {posted !== undefined && (
        <FocusedNotice key={posted.id}>
          <Alert severity="success" small description={t('postalMail.markedPosted', { title: posted.title, name: posted.personName })} />
        </FocusedNotice>
      )}
      {problem !== undefined && <Alert severity="error" small description={problem.detail} />}
      {loading && <p role="status">{t('loading')}</p>}
      {data !== undefined && data.items.length === 0 && <p>{t(`postalMail.empty.${status}`)}</p>}
      {data !== undefined && data.items.length > 0 && (
        <div className="fr-table fr-table--no-caption">
          <div className="fr-table__wrapper">
            <div className="fr-table__container">
              <div className="fr-table__content">
                <table data-testid="postal-mail">
                  <caption>{t(`postalMail.captions.${status}`)}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('postalMail.columns.person')}</th>
                      <th scope="col">{t('postalMail.columns.what')}</th>
                      <th scope="col">{t('postalMail.columns.createdAt')}</th>
                      {status === 'posted' && <th scope="col">{t('postalMail.columns.postedAt')}</th>}
                      <th scope="col">{t('postalMail.columns.actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((item) => (
                      <Row
                        key={item.id}
                        item={item}
                        onPosted={(done) => {
                          setPosted(done);
                          reload();
                        }}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}

function Row({ item, onPosted }: { item: PostalMailItem; onPosted: (item: PostalMailItem) => void }) {
  const { t } = useTranslation('help-desk');
  const format = useFormat();
  const busy = useRef(false);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();

  const markPosted = async () => {
    if (busy.current) return;
    busy.current = true;
    setPending(true);
    setProblem(undefined);
    try {
      onPosted(await api.post<PostalMailItem>(`/staff/postal-mail/${encodeURIComponent(item.id)}/posted`));
    } catch (error) {
      if (!isApiProblem(error)) throw error;
      setProblem(error);
    } finally {
      busy.current = false;
      setPending(false);
    }
  };

  return (
    <tr data-testid="postal-mail-item">
      <td>
        <Link to={HELP_DESK_PATHS.person(item.personId)}>{item.personName}</Link>
      </td>
      <td>{item.title}</td>
      <td>{format.shortDate(item.createdAt.slice(0, 10))}</td>
      {item.postedAt !== null && <td>{format.shortDate(item.postedAt.slice(0, 10))}</td>}
      <td>
        <a className="fr-btn fr-btn--sm fr-btn--secondary fr-icon-printer-line fr-btn--icon-left fr-mb-1w fr-mr-1w" href={postalMailPdfUrl(item.id)} target="_blank" rel="noopener" title={t('postalMail.printTitle', { title: item.title, name: item.personName })}>
          {t('postalMail.print')}
        </a>
        {item.postedAt === null && (
          <Button size="small" className="fr-mb-1w" onClick={() => void markPosted()} disabled={pending} title={t('postalMail.markPostedTitle', { title: item.title, name: item.personName })}>
            {pending ? t('sending') : t('postalMail.markPosted')}
          </Button>
        )}
        {problem !== undefined && (
          <p className="fr-error-text fr-mt-0" role="alert">
            {problem.detail || problem.title}
          </p>
        )}
      </td>
    </tr>
  );
}
