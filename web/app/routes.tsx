/**
 * The route table. To add a page:
 *   1. create `web/features/<area>/<name>-page.tsx` exporting a component (named export) that calls
 *      `useDocumentTitle(...)` and renders one <h1>;
 *   2. add a route below — `lazy` so that its code (and its dependencies) load only when visited;
 *   3. if it belongs in the header menu, add it to `navigation.ts`.
 * Paths are French, like the service's public addresses (`/calculer`). The server answers
 * index.html for every non-/api path, so any path declared here works on reload.
 */
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouteErrorPage } from '../features/errors/route-error-page';
import { NotFoundPage } from '../features/errors/not-found-page';
import { HomePage } from '../features/home/home-page';
import { RootLayout } from './root-layout';

export const routes: RouteObject[] = [
  {
    Component: RootLayout,
    children: [
      {
        // Pathless: an error in a page shows the error page inside the header and footer.
        ErrorBoundary: RouteErrorPage,
        // Shown in <main> while the first page's lazy code loads.
        HydrateFallback: PageLoading,
        children: [
          { index: true, Component: HomePage },
          {
            path: 'calculer',
            lazy: async () => ({ Component: (await import('../features/calculator/calculator-page')).CalculatorPage }),
          },
          // Accounts (addresses in web/features/account/paths.ts; the server's emails link to them).
          {
            path: 'connexion',
            lazy: async () => ({ Component: (await import('../features/account/sign-in-page')).SignInPage }),
          },
          {
            path: 'compte',
            lazy: async () => ({ Component: (await import('../features/account/account-page')).AccountPage }),
          },
          {
            path: 'compte/creer',
            lazy: async () => ({ Component: (await import('../features/account/register-page')).RegisterPage }),
          },
          {
            path: 'compte/confirmer',
            lazy: async () => ({ Component: (await import('../features/account/confirm-email-page')).ConfirmEmailPage }),
          },
          {
            path: 'compte/mot-de-passe/oublie',
            lazy: async () => ({ Component: (await import('../features/account/forgot-password-page')).ForgotPasswordPage }),
          },
          {
            path: 'compte/mot-de-passe/reinitialiser',
            lazy: async () => ({ Component: (await import('../features/account/reset-password-page')).ResetPasswordPage }),
          },
          {
            path: 'espace',
            lazy: async () => ({ Component: (await import('../features/account/personal-space-page')).PersonalSpacePage }),
          },
          // Messaging (issue 8)
          {
            path: 'contact',
            lazy: async () => ({ Component: (await import('../features/messages/contact-page')).ContactPage }),
          },
          {
            path: 'espace/messages',
            lazy: async () => ({ Component: (await import('../features/messages/threads-page')).ThreadsPage }),
          },
          {
            path: 'espace/messages/:id',
            lazy: async () => ({ Component: (await import('../features/messages/thread-page')).ThreadPage }),
          },
          {
            path: 'agent/messages',
            lazy: async () => ({ Component: (await import('../features/messages/inbox-page')).InboxPage }),
          },
          {
            path: 'agent/messages/:id',
            lazy: async () => ({ Component: (await import('../features/messages/staff-thread-page')).StaffThreadPage }),
          },
          // Statistics (issue 9)
          {
            path: 'statistiques',
            lazy: async () => ({ Component: (await import('../features/statistics/statistics-page')).StatisticsPage }),
          },
          // When nothing works: help in context (issue 8).
          {
            path: 'aide',
            lazy: async () => ({ Component: (await import('../features/help/help-page')).HelpPage }),
          },
          // The préfecture directory (issue 8).
          {
            path: 'prefectures',
            lazy: async () => ({ Component: (await import('../features/directory/directory-page')).DirectoryPage }),
          },
          {
            path: 'prefectures/:code',
            lazy: async () => ({ Component: (await import('../features/directory/prefecture-page')).PrefecturePage }),
          },
          // Appointments (issue 8, docs/adr/0016-appointments.md).
          {
            path: 'espace/rendez-vous',
            lazy: async () => ({ Component: (await import('../features/appointments/appointments-page')).AppointmentsPage }),
          },
          {
            path: 'agent/rendez-vous',
            lazy: async () => ({ Component: (await import('../features/appointments/agent-appointments-page')).AgentAppointmentsPage }),
          },
          {
            path: 'espace/profil',
            lazy: async () => ({ Component: (await import('../features/profile/profile-page')).ProfilePage }),
          },
          // Public verification of attestations (issue 6); the PDFs print this address.
          {
            path: 'verify',
            lazy: async () => ({ Component: (await import('../features/verify/verify-page')).VerifyPage }),
          },
          // Applicant procedures (issue 4)
          {
            path: 'espace/visa',
            lazy: async () => ({ Component: (await import('../features/journey/visa-page')).VisaPage }),
          },
          {
            path: 'espace/demandes/nouvelle',
            lazy: async () => ({ Component: (await import('../features/journey/new-application-page')).NewApplicationPage }),
          },
          {
            path: 'espace/demandes/:id',
            lazy: async () => ({ Component: (await import('../features/journey/application-page')).ApplicationPage }),
          },
          {
            path: 'espace/representants',
            lazy: async () => ({ Component: (await import('../features/journey/representatives-page')).RepresentativesPage }),
          },
          // Back office (issue 5): staff only, after the second factor.
          {
            path: 'agent/verification',
            lazy: async () => ({ Component: (await import('../features/back-office/second-factor-page')).SecondFactorPage }),
          },
          {
            path: 'agent/dossiers',
            lazy: async () => ({ Component: (await import('../features/back-office/queue-page')).QueuePage }),
          },
          {
            path: 'agent/dossiers/:id',
            lazy: async () => ({ Component: (await import('../features/back-office/case-page')).CasePage }),
          },
          {
            path: 'agent/tableau-de-bord',
            lazy: async () => ({ Component: (await import('../features/back-office/dashboard-page')).DashboardPage }),
          },
          // The help desk (issue 5, docs/adr/0020-help-desk-substitution.md): an agent registers a person
          // and files for them through the applicant's own pages; the letters to post.
          {
            path: 'agent/guichet',
            lazy: async () => ({ Component: (await import('../features/help-desk/desk-page')).DeskPage }),
          },
          {
            path: 'agent/guichet/:personId',
            lazy: async () => ({ Component: (await import('../features/help-desk/person-page')).PersonPage }),
          },
          {
            path: 'agent/guichet/:personId/visa',
            lazy: async () => ({ Component: (await import('../features/help-desk/help-desk-journey-pages')).HelpDeskVisaPage }),
          },
          {
            path: 'agent/guichet/:personId/demandes/nouvelle',
            lazy: async () => ({ Component: (await import('../features/help-desk/help-desk-journey-pages')).HelpDeskNewApplicationPage }),
          },
          {
            path: 'agent/guichet/:personId/demandes/:id',
            lazy: async () => ({ Component: (await import('../features/help-desk/help-desk-journey-pages')).HelpDeskApplicationPage }),
          },
          {
            path: 'agent/courrier',
            lazy: async () => ({ Component: (await import('../features/help-desk/postal-mail-page')).PostalMailPage }),
          },
          // Development: the emails waiting in the outbox (the API exists only in embedded mode).
          {
            path: 'dev/mailbox',
            lazy: async () => ({ Component: (await import('../features/dev/mailbox-page')).MailboxPage }),
          },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
];

function PageLoading() {
  return null;
}

export function createRouter() {
  return createBrowserRouter(routes);
}
