/** The links between the back office's pages that the help desk adds: the queue, the desk, the postal mail. */
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BACK_OFFICE_PATHS } from '../back-office/paths';
import { HELP_DESK_PATHS } from './paths';

export function HelpDeskLinks({ current }: { current: 'desk' | 'postalMail' | 'person' }) {
  const { t } = useTranslation('help-desk');
  const links = [
    { to: BACK_OFFICE_PATHS.queue, text: t('links.queue') },
    ...(current === 'desk' ? [] : [{ to: HELP_DESK_PATHS.desk, text: t('links.desk') }]),
    ...(current === 'postalMail' ? [] : [{ to: HELP_DESK_PATHS.postalMail, text: t('links.postalMail') }]),
  ];
  return (
    <p className="fr-mb-4w">
      {links.map((link, index) => (
        <Fragment key={link.to}>
          {index > 0 && ' · '}
          <Link className="fr-link" to={link.to}>
            {link.text}
          </Link>
        </Fragment>
      ))}
    </p>
  );
}
