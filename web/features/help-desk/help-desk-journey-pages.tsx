/**
 * The applicant's own journey pages, opened at the help desk for a person
 * (/agent/guichet/:personId/…): the same screens in help-desk mode (web/features/journey/person-scope.tsx),
 * with the staff session instead of the applicant's and a banner naming the person.
 */
import { useParams } from 'react-router';
import { ApplicationPage } from '../journey/application-page';
import { NewApplicationPage } from '../journey/new-application-page';
import { HelpDeskScope } from '../journey/person-scope';
import { VisaPage } from '../journey/visa-page';

export function HelpDeskApplicationPage() {
  const { personId = '' } = useParams();
  return (
    <HelpDeskScope personId={personId}>
      <ApplicationPage />
    </HelpDeskScope>
  );
}

export function HelpDeskNewApplicationPage() {
  const { personId = '' } = useParams();
  return (
    <HelpDeskScope personId={personId}>
      <NewApplicationPage />
    </HelpDeskScope>
  );
}

export function HelpDeskVisaPage() {
  const { personId = '' } = useParams();
  return (
    <HelpDeskScope personId={personId}>
      <VisaPage />
    </HelpDeskScope>
  );
}
