/** Addresses of the help desk (guichet) and the postal-mail queue, in the staff's namespace `/agent/…`. */
export const HELP_DESK_PATHS = {
  desk: '/agent/guichet',
  person: (personId: string) => `/agent/guichet/${encodeURIComponent(personId)}`,
  visa: (personId: string) => `/agent/guichet/${encodeURIComponent(personId)}/visa`,
  newApplication: (personId: string) => `/agent/guichet/${encodeURIComponent(personId)}/demandes/nouvelle`,
  application: (personId: string, id: string) => `/agent/guichet/${encodeURIComponent(personId)}/demandes/${encodeURIComponent(id)}`,
  postalMail: '/agent/courrier',
} as const;
