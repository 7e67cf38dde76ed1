import type { JSX } from "preact";
import { OPTIONAL_SECTIONS } from "../../reports/section-registry.js";
import { InputField, SelectField } from "./form-fields.js";

/**
 * The form on the municipality's page that makes the agenda item (issue 16, point 6): template, body,
 * sections and where they go, comparison group and years, the action-plan point and own points, the route,
 * caseworkers. It asks with GET – nothing is stored, so there is nothing to protect with a CSRF token – and
 * the buttons choose the format: HTML opens in the browser as the preview, the others download.
 */
type Props = {
  readonly code: string;
  readonly year: number;
  /** The municipality's published plans that answer this year's map or an earlier one: attachable as bilag. */
  readonly plans?: readonly { readonly id: number; readonly title: string; readonly dataYears: readonly number[] }[];
};

const SECTION_PLACES: readonly (readonly [string, string])[] = [
  ["", "Som skabelonen"],
  ["tekst", "I teksten"],
  ["bilag", "Som bilag"],
  ["ud", "Udelad"],
];

/** A choice among fixed options; the first is the default (nothing is preselected by the server). */
function Select(p: {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly options: readonly (readonly [string, string])[];
  readonly hint?: string;
}): JSX.Element {
  return (
    <SelectField
      id={p.id}
      name={p.name}
      label={p.label}
      hint={p.hint}
      options={p.options.map(([value, labelDa]) => ({ value, labelDa }))}
      selected={null}
    />
  );
}

/** A text field, or the number of years (1–10). */
function Text(p: {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  readonly value?: string;
  readonly type?: "text" | "number";
}): JSX.Element {
  return p.type === "number" ? (
    <InputField id={p.id} name={p.name} label={p.label} hint={p.hint} value={p.value} type="number" min={1} max={10} />
  ) : (
    <InputField id={p.id} name={p.name} label={p.label} hint={p.hint} value={p.value} />
  );
}

export function AgendaItemForm({ code, year, plans = [] }: Props): JSX.Element {
  return (
    <form method="get" action={`/kommuner/${code}/dagsordenpunkt`} class="agenda-item-form">
      <input type="hidden" name="aar" value={String(year)} />
      <Select
        id="do-skabelon"
        name="skabelon"
        label="Skabelon"
        options={[
          ["orientering", "Orientering (Resume, Sagsfremstilling, Indstilling)"],
          ["beslutning", "Beslutning (Tema, Kompetence, Sagsbeskrivelse, Administrationens forslag …)"],
        ]}
      />
      <Select
        id="do-organ"
        name="organ"
        label="Sagen skrives til"
        options={[
          ["byraad", "Byrådet"],
          ["udvalg", "Fagudvalget"],
          ["handicapraad", "Handicaprådet (høring)"],
        ]}
      />
      <fieldset>
        <legend class="h4">Afsnit</legend>
        <p class="form-hint">
          Standardpunktet er kort. Vælg, hvad der skal med, og om det står i teksten eller som bilag.
        </p>
        {OPTIONAL_SECTIONS.map((s) => (
          <Select id={`do-afsnit-${s.id}`} name={`afsnit-${s.id}`} label={s.titleDa} options={SECTION_PLACES} />
        ))}
        <p class="form-hint">
          Alle klagesager grupperes efter kommunens egne områder, når kommunen har en{" "}
          <a href={`/kommuner/${code}/omraader`}>områdetabel</a> (kommunens redaktører retter den).
        </p>
      </fieldset>
      <fieldset>
        <legend class="h4">Sammenligning</legend>
        <Select
          id="do-sammenlign"
          name="sammenlign"
          label="Sammenlign med"
          options={[
            ["naboer", "Nabokommunerne"],
            ["region", "Kommunerne i regionen"],
            ["lignende", "Kommuner med omtrent samme antal sager"],
          ]}
        />
        <Text
          id="do-sammenlign-kommuner"
          name="sammenlign-kommuner"
          label="Eller disse kommuner"
          hint="Navne eller koder adskilt af komma, fx Hillerød, Hørsholm, Furesø, Rudersdal"
        />
        <Text id="do-antal-aar" name="antal-aar" label="Antal år" type="number" value="4" />
      </fieldset>
      <fieldset>
        <legend class="h4">Indstilling og forløb</legend>
        <Select
          id="do-handleplan"
          name="handleplan"
          label="Handleplan"
          options={[
            ["auto", "Efter reglen for året"],
            ["tag-stilling", "Byrådet tager stilling til en handleplan"],
            ["ingen-handleplan", "Kortet giver ikke anledning til en handleplan"],
            ["handleplan", "Der udarbejdes en handleplan"],
            ["udelad", "Intet punkt om handleplan"],
          ]}
        />
        {plans.length > 0 && (
          <Select
            id="do-bilag-handleplan"
            name="bilag-handleplan"
            label="Vedlæg handleplan som bilag"
            hint="Handleplanen kommer med som bilag med sine handlinger, fokusområder og opfølgningens tal."
            options={[
              ["", "Ingen"],
              ...plans.map((p) => [String(p.id), `${p.title} (dataår ${p.dataYears.join(", ")})`] as const),
            ]}
          />
        )}
        <Text
          id="do-punkt"
          name="punkt"
          label="Egne indstillingspunkter"
          hint="Adskilt af semikolon, fx »at sagen sendes til Handicaprådet; at der følges op i 2026«"
        />
        <Text
          id="do-forloeb"
          name="forloeb"
          label="Sagens forløb"
          hint="Organ og dato adskilt af semikolon, fx Socialudvalget 2025-09-30; Handicaprådet 2025-09-25 (høring); Kommunalbestyrelsen 2025-10-28"
        />
        <Text id="do-journalnummer" name="journalnummer" label="Journalnummer" />
        <Text
          id="do-sagsbehandlere"
          name="sagsbehandlere"
          label="Sagsbehandlere"
          hint="Adskilt af komma; den første er sagsbehandler"
        />
        <Text id="do-kompetence" name="kompetence" label="Kompetence (beslutning)" hint="Fx Kommunalbestyrelsen" />
        <Text id="do-oekonomi" name="oekonomi" label="Økonomi og finansiering (beslutning)" />
      </fieldset>
      <p class="form-hint">
        DOCX og PDF laves i kommunens egen <a href={`/kommuner/${code}/skabelon`}>Word-skabelon</a>, når kommunen har
        gemt en.
      </p>
      <p>
        <button class="button button-secondary" type="submit" name="format" value="html">
          Forhåndsvis
        </button>{" "}
        <button class="button button-primary" type="submit" name="format" value="docx">
          Hent DOCX
        </button>{" "}
        <button class="button button-secondary" type="submit" name="format" value="pdf">
          Hent PDF
        </button>{" "}
        <button class="button button-secondary" type="submit" name="format" value="md">
          Hent Markdown
        </button>
      </p>
    </form>
  );
}
