/** The messages of one thread, oldest first, each with who wrote it and when: the same list for applicant and agent. */
import { useTranslation } from 'react-i18next';
import type { MessageBody } from '../../../contract/messages';
import { useLanguage } from '../../i18n';

/** `attachmentUrl` builds the download address (the applicant's or the agent's route). */
export function ThreadMessages({ messages, attachmentUrl }: { messages: readonly MessageBody[]; attachmentUrl: (attachmentId: string) => string }) {
  const { t } = useTranslation('messages');
  const language = useLanguage();
  const when = (iso: string) => new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(iso));
  return (
    <ol className="fr-raw-list" aria-label={t('thread.messagesLabel')} data-testid="thread-messages">
      {messages.map((message) => (
        <li key={message.id} className="fr-mb-3w">
          <div className={`fr-p-2w ${message.author === 'agent' ? 'fr-background-alt--blue-france' : 'fr-background-alt--grey'}`}>
            <p className="fr-text--sm fr-text--bold fr-mb-1w">
              {t(`thread.author.${message.author}`)} — <time dateTime={message.createdAt}>{when(message.createdAt)}</time>
            </p>
            <p className="fr-mb-0" style={{ whiteSpace: 'pre-wrap' }}>
              {message.body}
            </p>
            {message.attachments.length > 0 && (
              <ul className="fr-mt-1w fr-mb-0">
                {message.attachments.map((file) => (
                  <li key={file.id}>
                    <a className="fr-link fr-link--download" href={attachmentUrl(file.id)} download>
                      {file.filename} <span className="fr-link__detail">{t('thread.fileDetail', { type: file.mediaType.split('/')[1]?.toUpperCase() ?? '', size: Math.max(1, Math.round(file.sizeBytes / 1024)) })}</span>
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
