/** Addresses of messaging: the public contact section, the applicant's threads, the agents' inbox. */
export const MESSAGE_PATHS = {
  contact: '/contact',
  list: '/espace/messages',
  thread: (id: string) => `/espace/messages/${id}`,
  inbox: '/agent/messages',
  staffThread: (id: string) => `/agent/messages/${id}`,
} as const;
