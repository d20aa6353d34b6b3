/** How the help desk writes a person's name: SURNAME Given names, as on the préfecture's files. */
export function personName(person: { surname: string; givenNames: string }): string {
  return `${person.surname.toUpperCase()} ${person.givenNames}`;
}
