// Describes a schema two ways, from schema.prisma (via Prisma's own parser) and from a live
// database, in one comparable shape: the drift test asserts the two are equal.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import type pg from "pg";
import { PROJECT_ROOT } from "@/lib/paths";

export interface ColumnShape {
  type: string;
  nullable: boolean;
  /** Whether the database fills the column in (now(), a literal); client-side ids and @updatedAt do not count. */
  hasDefault: boolean;
}

export interface TableShape {
  columns: Record<string, ColumnShape>;
  primaryKey: string[];
  /** Unique and plain indexes as "unique(a,b)" / "index(a,b DESC)", sorted. */
  indexes: string[];
  /** Foreign keys as "(a) -> Table(b) on delete CASCADE", sorted. */
  foreignKeys: string[];
}

export interface SchemaShape {
  enums: Record<string, string[]>;
  tables: Record<string, TableShape>;
}

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Boolean: "bool",
  Int: "int4",
  BigInt: "int8",
  Float: "float8",
  Decimal: "numeric",
  DateTime: "timestamp(3)",
  Json: "jsonb",
  Bytes: "bytea",
};

/** Postgres types of the `@db.*` attributes the schema uses. */
const NATIVE_TYPES: Record<string, string> = { Date: "date" };

const CLIENT_SIDE_DEFAULTS = new Set(["cuid", "uuid", "nanoid", "ulid"]);
const REFERENTIAL_ACTIONS: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  hasDefaultValue: boolean;
  default?: { name?: string } | unknown;
  nativeType?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}

interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { fields: string[] } | null;
}

interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  fields: { name: string; sortOrder?: "asc" | "desc" }[];
}

interface Dmmf {
  datamodel: {
    models: DmmfModel[];
    enums: { name: string; values: { name: string; dbName?: string | null }[] }[];
    indexes: DmmfIndex[];
  };
}

export async function describeSchemaFile(schemaPath = path.join(PROJECT_ROOT, "prisma", "schema.prisma")) {
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: await readFile(schemaPath, "utf8") }))) as Dmmf;
  return describeDmmf(dmmf);
}

export function describeDmmf(dmmf: Dmmf): SchemaShape {
  const { models, enums, indexes } = dmmf.datamodel;
  const enumNames = new Set(enums.map((e) => e.name));
  const tableOf = new Map(models.map((model) => [model.name, model.dbName ?? model.name]));
  const shape: SchemaShape = {
    enums: Object.fromEntries(enums.map((e) => [e.name, e.values.map((v) => v.dbName ?? v.name)])),
    tables: {},
  };
  for (const model of models) {
    const columnOf = new Map(model.fields.map((field) => [field.name, field.dbName ?? field.name]));
    const columns: Record<string, ColumnShape> = {};
    const foreignKeys: string[] = [];
    for (const field of model.fields) {
      if (field.kind === "object") {
        if (field.relationFromFields?.length) {
          const target = models.find((m) => m.name === field.type)!;
          const targetColumns = new Map(target.fields.map((f) => [f.name, f.dbName ?? f.name]));
          const from = field.relationFromFields.map((f) => columnOf.get(f)).join(",");
          const to = (field.relationToFields ?? []).map((f) => targetColumns.get(f)).join(",");
          const onDelete = REFERENTIAL_ACTIONS[field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull")];
          foreignKeys.push(`(${from}) -> ${tableOf.get(field.type)}(${to}) on delete ${onDelete}`);
        }
        continue;
      }
      const nativeName = field.nativeType ? (field.nativeType as unknown as [string, unknown])[0] : undefined;
      const native = nativeName === undefined ? undefined : NATIVE_TYPES[nativeName];
      if (nativeName !== undefined && !native) throw new Error(`${model.name}.${field.name}: @db.${nativeName} is not described yet; extend NATIVE_TYPES.`);
      const base = native ?? (field.kind === "enum" || enumNames.has(field.type) ? field.type : SCALAR_TYPES[field.type]);
      if (!base) throw new Error(`${model.name}.${field.name}: no Postgres type known for Prisma type ${field.type}.`);
      const defaultName = (field.default as { name?: string } | undefined)?.name;
      columns[field.dbName ?? field.name] = {
        type: field.isList ? `${base}[]` : base,
        // Prisma creates scalar-list columns without NOT NULL (a list is never optional in the client).
        nullable: field.isList || !field.isRequired,
        hasDefault: field.hasDefaultValue && !CLIENT_SIDE_DEFAULTS.has(defaultName ?? ""),
      };
    }
    const modelIndexes = indexes.filter((index) => index.model === model.name);
    const primary = modelIndexes.find((index) => index.type === "id");
    shape.tables[tableOf.get(model.name)!] = {
      columns,
      primaryKey: (primary?.fields ?? []).map((f) => columnOf.get(f.name)!),
      indexes: modelIndexes
        .filter((index) => index.type === "unique" || index.type === "normal")
        .map((index) => {
          const cols = index.fields.map((f) => `${columnOf.get(f.name)}${f.sortOrder === "desc" ? " DESC" : ""}`);
          return `${index.type === "unique" ? "unique" : "index"}(${cols.join(",")})`;
        })
        .sort(),
      foreignKeys: foreignKeys.sort(),
    };
  }
  return shape;
}

/** The same description read from the `public` schema of a live database (Prisma's own table left out). */
export async function describeDatabase(client: pg.Client): Promise<SchemaShape> {
  const shape: SchemaShape = { enums: {}, tables: {} };
  const enumRows = await client.query<{ name: string; value: string }>(`
    SELECT t.typname AS name, e.enumlabel AS value
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public' ORDER BY t.typname, e.enumsortorder`);
  for (const row of enumRows.rows) (shape.enums[row.name] ??= []).push(row.value);

  const columnRows = await client.query<{ table: string; column: string; type: string; nullable: boolean; has_default: boolean }>(`
    SELECT c.relname AS table, a.attname AS column,
           format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable, a.atthasdef AS has_default
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
      AND c.relname <> '_prisma_migrations'
    ORDER BY c.relname, a.attnum`);
  for (const row of columnRows.rows) {
    const table = (shape.tables[row.table] ??= { columns: {}, primaryKey: [], indexes: [], foreignKeys: [] });
    table.columns[row.column] = { type: normaliseType(row.type), nullable: row.nullable, hasDefault: row.has_default };
  }

  const indexRows = await client.query<{ table: string; primary: boolean; unique: boolean; columns: string[] }>(`
    SELECT t.relname AS table, ix.indisprimary AS primary, ix.indisunique AS unique,
           array_agg(a.attname || CASE WHEN (ix.indoption[k.ord - 1] & 1) = 1 THEN ' DESC' ELSE '' END ORDER BY k.ord) AS columns
    FROM pg_index ix
    JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
    CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
    WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
    GROUP BY t.relname, ix.indexrelid, ix.indisprimary, ix.indisunique`);
  for (const row of indexRows.rows) {
    const table = shape.tables[row.table];
    if (!table) continue;
    if (row.primary) table.primaryKey = row.columns;
    else table.indexes.push(`${row.unique ? "unique" : "index"}(${row.columns.join(",")})`);
  }

  const foreignKeyRows = await client.query<{ table: string; definition: string }>(`
    SELECT c.conrelid::regclass::text AS table, pg_get_constraintdef(c.oid) AS definition
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE c.contype = 'f' AND n.nspname = 'public'`);
  for (const row of foreignKeyRows.rows) {
    const table = shape.tables[row.table.replaceAll('"', "")];
    if (table) table.foreignKeys.push(normaliseForeignKey(row.definition));
  }
  for (const table of Object.values(shape.tables)) {
    table.indexes.sort();
    table.foreignKeys.sort();
  }
  return shape;
}

function normaliseType(type: string): string {
  const known: Record<string, string> = {
    text: "text",
    boolean: "bool",
    integer: "int4",
    bigint: "int8",
    "double precision": "float8",
    jsonb: "jsonb",
    bytea: "bytea",
    "timestamp(3) without time zone": "timestamp(3)",
  };
  const array = type.endsWith("[]");
  const base = array ? type.slice(0, -2) : type;
  const normalised = known[base] ?? (base.startsWith("numeric") ? "numeric" : base.replaceAll('"', ""));
  return array ? `${normalised}[]` : normalised;
}

/** `FOREIGN KEY ("userId") REFERENCES "User"(id) ON UPDATE CASCADE ON DELETE CASCADE` → `(userId) -> User(id) on delete CASCADE`. */
function normaliseForeignKey(definition: string): string {
  const match = /FOREIGN KEY \((.+?)\) REFERENCES (.+?)\((.+?)\)(.*)/.exec(definition);
  if (!match) return definition;
  const [, from, target, to, rest] = match as unknown as [string, string, string, string, string];
  const onDelete = /ON DELETE (CASCADE|RESTRICT|SET NULL|SET DEFAULT)/.exec(rest)?.[1] ?? "NO ACTION";
  const clean = (s: string) => s.replaceAll('"', "").replaceAll(" ", "");
  return `(${clean(from)}) -> ${clean(target)}(${clean(to)}) on delete ${onDelete}`;
}
