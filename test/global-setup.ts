// Placeholder: replaced by the database template builder (foundation issue).
export default async function setup(): Promise<void> {}
