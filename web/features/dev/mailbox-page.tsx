import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api';
import { useLanguage } from '../../i18n';
import { useDocumentTitle } from '../../ui/use-document-title';

/** One message of `GET /api/v1/dev/mailbox` (`MailboxMessageSchema` in server/http/routes/dev). */
export interface MailboxMessage {
  id: string;
  channel: 'email' | 'sms';
  kind: string;
  recipient: string;
  subject: string | null;
  text: string;
  html: string | null;
  createdAt: string;
}

interface MailboxBody {
  items: MailboxMessage[];
}

const URL_PATTERN = /https?:\/\/[^\s<>"]+/g;

/** A line of text with its web addresses as links (the emails write every link out in full). */
function withLinks(line: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    const url = match[0].replace(/[.,;:)]+$/, '');
    const start = match.index;
    if (start > last) parts.push(line.slice(last, start));
    parts.push(
      <a key={start} href={url}>
        {url}
      </a>,
    );
    last = start + url.length;
  }
  if (last < line.length) parts.push(line.slice(last));
  return parts;
}

/** The text body as paragraphs (blank lines) and line breaks, links clickable. */
function MessageText({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((paragraph, index) => (
        <p key={index} className="fr-mb-2w">
          {paragraph.split('\n').map((line, lineIndex) => (
            <Fragment key={lineIndex}>
              {lineIndex > 0 && <br />}
              {withLinks(line)}
            </Fragment>
          ))}
        </p>
      ))}
    </>
  );
}

/**
 * Development only: the emails (and SMS) the application queued, newest first, as nothing sends
 * them yet. The API behind it exists only with the embedded database outside production; elsewhere
 * the page says so.
 */
export function MailboxPage() {
  const { t } = useTranslation('account');
  useDocumentTitle(t('mailbox.title'));
  const language = useLanguage();
  const { data, problem, loading, reload } = useApi<MailboxBody>('/dev/mailbox');
  const format = new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'medium' });

  return (
    <div className="fr-container fr-py-6w">
      <h1>{t('mailbox.title')}</h1>
      <p className="fr-text--lead">{t('mailbox.lead')}</p>

      {problem !== undefined &&
        (problem.status === 404 ? (
          <Alert severity="info" as="h2" title={t('mailbox.unavailable.title')} description={t('mailbox.unavailable.text')} />
        ) : (
          <Alert severity="error" as="h2" title={problem.title} description={problem.detail} />
        ))}

      {problem?.status !== 404 && (
        <p>
          <Button priority="secondary" iconId="fr-icon-refresh-line" onClick={reload} disabled={loading}>
            {t('mailbox.refresh')}
          </Button>
        </p>
      )}

      {loading && <p role="status">{t('loading')}</p>}
      {data !== undefined && data.items.length === 0 && <p>{t('mailbox.empty')}</p>}
      {data !== undefined && data.items.length > 0 && (
        <ul className="sejour-plain-list" aria-label={t('mailbox.listLabel', { count: data.items.length })}>
          {data.items.map((message) => (
            <li key={message.id} className="fr-mb-4w">
              <article className="fr-card fr-card--no-arrow" aria-labelledby={`message-${message.id}`}>
                <div className="fr-card__body">
                  <div className="fr-card__content">
                    <h2 id={`message-${message.id}`} className="fr-card__title">
                      {message.subject ?? t('mailbox.sms')}
                    </h2>
                    <div className="fr-card__start">
                      <Badge small noIcon as="p" severity={message.channel === 'sms' ? 'new' : 'info'}>
                        {t(`mailbox.channel.${message.channel}`)}
                      </Badge>
                    </div>
                    <dl className="fr-card__desc fr-pl-0">
                      <dt className="fr-text--bold">{t('mailbox.to')}</dt>
                      <dd className="fr-pl-0">{message.recipient}</dd>
                      <dt className="fr-text--bold">{t('mailbox.date')}</dt>
                      <dd className="fr-pl-0">
                        <time dateTime={message.createdAt}>{format.format(new Date(message.createdAt))}</time>
                      </dd>
                      <dt className="fr-text--bold">{t('mailbox.kind')}</dt>
                      <dd className="fr-pl-0">
                        <code>{message.kind}</code>
                      </dd>
                    </dl>
                    <div className="fr-card__desc">
                      <MessageText text={message.text} />
                    </div>
                  </div>
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
