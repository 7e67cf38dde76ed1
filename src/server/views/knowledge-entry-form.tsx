import type { JSX } from "preact";
import {
  KNOWLEDGE_FIELD_NAMES_DA,
  KNOWLEDGE_OUTCOME_NAMES_DA,
  KNOWLEDGE_OUTCOMES,
  NEW_DECISION_NAMES_DA,
  NEW_DECISION_RESULTS,
  type EntryProblem,
  type KnowledgeField,
} from "../../domain/knowledge/knowledge-entry.js";
import type { ReasonDefinition } from "../../domain/knowledge/reason-taxonomy.js";
import { CsrfInput, FieldGroup } from "./form-fields.js";

/** What the form shows: the typed values (form names → text) and, after a refusal, each problem by its field. */
export type EntryFormState = {
  readonly values: Readonly<Record<string, string>>;
  readonly problems: readonly EntryProblem[];
  readonly messageDa: string | null;
};

export type EntryFormProps = {
  /** Where the form posts: the bank (a new entry) or the entry's own address (a change). */
  readonly action: string;
  readonly submitLabel: string;
  readonly csrfToken: string;
  readonly state: EntryFormState;
  readonly reasons: readonly ReasonDefinition[];
  readonly departments: readonly string[];
};

function problemFor(state: EntryFormState, field: KnowledgeField): string | null {
  return state.problems.find((p) => p.field === field)?.messageDa ?? null;
}

function Field(props: {
  readonly state: EntryFormState;
  readonly field: KnowledgeField;
  readonly id: string;
  readonly hint?: string;
  readonly children: (describedBy: string | undefined) => JSX.Element;
}): JSX.Element {
  return (
    <FieldGroup
      id={props.id}
      label={KNOWLEDGE_FIELD_NAMES_DA[props.field]}
      hint={props.hint}
      error={problemFor(props.state, props.field)}
    >
      {props.children}
    </FieldGroup>
  );
}

/**
 * One entry's form, for a new entry on the bank's page and for changing one on its own page: the same
 * fields, names and checks, so the route reads both with one `entryFromForm`.
 */
export function EntryForm(p: EntryFormProps): JSX.Element {
  const { state } = p;
  const val = (name: string, fallback = "") => state.values[name] ?? fallback;
  const chosenReasons = val("aarsag").split(",");
  const reasonError = problemFor(state, "reasonCodes");
  return (
    <form method="post" action={p.action} class="knowledge-form" novalidate>
      <CsrfInput token={p.csrfToken} />
      {state.messageDa && (
        <div class="alert alert-error" role="alert">
          <div class="alert-body">
            <p class="alert-text">{state.messageDa}</p>
          </div>
        </div>
      )}
      <p class="form-hint">
        Skriv aldrig CPR-numre eller navne: borgeren kendes kun på kommunens interne sagsreference.
      </p>
      <Field state={state} field="decisionDate" id="vb-dato" hint="Ankestyrelsens afgørelsesdato, fx 2024-03-14">
        {(d) => (
          <input
            class="form-input"
            id="vb-dato"
            name="afgoerelsesdato"
            type="date"
            value={val("afgoerelsesdato")}
            aria-describedby={d}
          />
        )}
      </Field>
      <Field
        state={state}
        field="dataYear"
        id="vb-aar"
        hint="Året sagen tæller i statistikken (normalt afgørelsens år)"
      >
        {(d) => (
          <input
            class="form-input"
            id="vb-aar"
            name="dataaar"
            inputMode="numeric"
            value={val("dataaar")}
            aria-describedby={d}
          />
        )}
      </Field>
      <Field state={state} field="outcome" id="vb-udfald">
        {(d) => (
          <select class="form-select" id="vb-udfald" name="udfald" aria-describedby={d}>
            {KNOWLEDGE_OUTCOMES.map((o) => (
              <option value={o} selected={val("udfald", "remitted") === o}>
                {KNOWLEDGE_OUTCOME_NAMES_DA[o]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field state={state} field="law" id="vb-lov" hint="Fx Serviceloven, Barnets lov">
        {(d) => (
          <input class="form-input" id="vb-lov" name="lov" value={val("lov", "Serviceloven")} aria-describedby={d} />
        )}
      </Field>
      <Field
        state={state}
        field="subject"
        id="vb-sagsemne"
        hint="Ankestyrelsens sagsemne, fx Merudgiftydelse §41 + tilbagebetaling"
      >
        {(d) => (
          <input class="form-input" id="vb-sagsemne" name="sagsemne" value={val("sagsemne")} aria-describedby={d} />
        )}
      </Field>
      <Field
        state={state}
        field="provision"
        id="vb-paragraf"
        hint="Når sagsemnet ikke selv nævner paragraffen, fx § 96"
      >
        {(d) => (
          <input class="form-input" id="vb-paragraf" name="paragraf" value={val("paragraf")} aria-describedby={d} />
        )}
      </Field>
      <Field state={state} field="department" id="vb-afdeling">
        {(d) =>
          p.departments.length > 0 ? (
            <select class="form-select" id="vb-afdeling" name="afdeling" aria-describedby={d}>
              <option value="">(ingen)</option>
              {/* A department removed from the list since stays choosable on the entries that name it. */}
              {[...new Set([...p.departments, ...(val("afdeling") ? [val("afdeling")] : [])])].map((name) => (
                <option value={name} selected={val("afdeling") === name}>
                  {name}
                </option>
              ))}
            </select>
          ) : (
            <input class="form-input" id="vb-afdeling" name="afdeling" value={val("afdeling")} aria-describedby={d} />
          )
        }
      </Field>
      <fieldset
        class={`form-group${reasonError ? " form-error" : ""}`}
        aria-describedby={reasonError ? "vb-aarsag-error" : undefined}
      >
        <legend class="form-label">{KNOWLEDGE_FIELD_NAMES_DA.reasonCodes}</legend>
        {reasonError && (
          <span class="form-error-message" id="vb-aarsag-error">
            <span class="sr-only">Fejl: </span>
            {reasonError}
          </span>
        )}
        <ul class="nobullet-list">
          {p.reasons.map((r) => (
            <li class="form-group-checkbox">
              <input
                class="form-checkbox"
                type="checkbox"
                id={`vb-aarsag-${r.code}`}
                name="aarsag"
                value={r.code}
                checked={chosenReasons.includes(r.code)}
              />
              <label for={`vb-aarsag-${r.code}`}>{r.labelDa}</label>
              <span class="form-hint">{r.definitionDa}</span>
            </li>
          ))}
        </ul>
      </fieldset>
      <Field state={state} field="summary" id="vb-resume">
        {(d) => (
          <textarea class="form-input" id="vb-resume" name="resume" rows={4} aria-describedby={d}>
            {val("resume")}
          </textarea>
        )}
      </Field>
      <Field state={state} field="learningPoint" id="vb-laering">
        {(d) => (
          <textarea class="form-input" id="vb-laering" name="laering" rows={3} aria-describedby={d}>
            {val("laering")}
          </textarea>
        )}
      </Field>
      <Field
        state={state}
        field="links"
        id="vb-links"
        hint="Principafgørelser eller praksisundersøgelser, én adresse pr. linje"
      >
        {(d) => (
          <textarea class="form-input" id="vb-links" name="links" rows={2} aria-describedby={d}>
            {val("links")}
          </textarea>
        )}
      </Field>
      <Field
        state={state}
        field="caseReference"
        id="vb-ref"
        hint="Kommunens journal- eller sagsnummer – aldrig et CPR-nummer"
      >
        {(d) => (
          <input
            class="form-input"
            id="vb-ref"
            name="sagsreference"
            value={val("sagsreference")}
            aria-describedby={d}
          />
        )}
      </Field>
      <Field state={state} field="newDecisionResult" id="vb-ny">
        {(d) => (
          <select class="form-select" id="vb-ny" name="ny_afgoerelse" aria-describedby={d}>
            <option value="">(ingen endnu)</option>
            {NEW_DECISION_RESULTS.map((r) => (
              <option value={r} selected={val("ny_afgoerelse") === r}>
                {NEW_DECISION_NAMES_DA[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field state={state} field="newDecisionDate" id="vb-ny-dato">
        {(d) => (
          <input
            class="form-input"
            id="vb-ny-dato"
            name="ny_afgoerelse_dato"
            type="date"
            value={val("ny_afgoerelse_dato")}
            aria-describedby={d}
          />
        )}
      </Field>
      <Field state={state} field="status" id="vb-status">
        {(d) => (
          <select class="form-select" id="vb-status" name="status" aria-describedby={d}>
            <option value="draft" selected={val("status", "draft") === "draft"}>
              Kladde
            </option>
            <option value="approved" selected={val("status") === "approved"}>
              Godkendt
            </option>
          </select>
        )}
      </Field>
      <button class="button button-primary" type="submit">
        {p.submitLabel}
      </button>
    </form>
  );
}
