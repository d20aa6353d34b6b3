import { char, index, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/** French départements (metropolitan and overseas), from INSEE's Code officiel géographique. */
export const departements = pgTable('departements', {
  code: varchar('code', { length: 3 }).primaryKey(),
  name: text('name').notNull(),
  regionCode: char('region_code', { length: 2 }).notNull(),
  zone: varchar('zone', { length: 8 }).notNull(),
  /** INSEE "type de nom en clair", for French articles: "de l'Ain", "du Rhône". */
  nameArticleType: varchar('name_article_type', { length: 1 }).notNull(),
  chefLieuCode: varchar('chef_lieu_code', { length: 5 }).notNull(),
  chefLieuName: text('chef_lieu_name').notNull(),
});

/** The prefecture that processes residence-permit applications for a département. */
export const prefectures = pgTable(
  'prefectures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    departementCode: varchar('departement_code', { length: 3 })
      .notNull()
      .unique()
      .references(() => departements.code),
    name: text('name').notNull(),
    city: text('city').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('prefectures_name_idx').on(table.name)],
);

/** Which version of each reference dataset is loaded, so start-up reloads only on change. */
export const referenceDataLoads = pgTable('reference_data_loads', {
  dataset: varchar('dataset', { length: 64 }).primaryKey(),
  version: text('version').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
});
