/** The messages of one thread, oldest first, each with who wrote it and when: the same list for applicant and agent. */
import { useTranslation } from 'react-i18next';
import type { MessageBody } from '../../../contract/messages';
import { useLanguage } from '../../i18n';

export function ThreadMessages({ messages }: { messages: readonly MessageBody[] }) {
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
          </div>
        </li>
      ))}
    </ol>
  );
}
