import type { JSX } from "preact";
import type { Refusal } from "../../app/use-case-result.js";
import { assertNever } from "../../domain/assert-never.js";
import { formatDanishDate } from "../../domain/council-treatment.js";
import { formatDateTimeDa } from "../../domain/format-danish-date.js";
import { LEGAL_RULE_FIELDS_DA, type EffectiveLegalRule } from "../../domain/legal-rule-edits.js";
import type { LegalRule, LegalRuleId } from "../../domain/legal-rules.js";
import { CsrfInput, ErrorSummary, errorFor, FieldGroup, SuccessNotice } from "./form-fields.js";
import { PageLayout, type LayoutAccount } from "./page-layout.js";
import { renderHtmlPage } from "./render-html-page.js";
import { ScrollableTable } from "./scrollable-table.js";

/** What the administrator typed into one rule's form, shown back when the edit is refused. */
export type LegalRuleFormValues = {
  readonly validFrom: string;
  readonly validTo: string;
  readonly summaryDa: string;
  readonly source: string;
};

export type LegalRulesPageModel = {
  readonly account: LayoutAccount | null;
  readonly csrfToken: string;
  readonly rules: readonly EffectiveLegalRule[];
  /** The product's built-in rules, so each form can say what "Tilbage til standard" brings back. */
  readonly defaults: readonly LegalRule[];
  readonly savedDa: string | null;
  /** A refused edit or reset: the rule it was about, the refusal, and (for an edit) what was typed. */
  readonly refused: {
    readonly ruleId: LegalRuleId;
    readonly refusal: Refusal;
    readonly values: LegalRuleFormValues | null;
  } | null;
};

export const LEGAL_RULES_PATH = "/lovregler";

export function legalRuleFormValues(rule: LegalRule): LegalRuleFormValues {
  return { validFrom: rule.validFrom, validTo: rule.validTo ?? "", summaryDa: rule.summaryDa, source: rule.source };
}

function periodDa(rule: Pick<LegalRule, "validFrom" | "validTo">): string {
  return `${formatDanishDate(rule.validFrom)} – ${rule.validTo ? formatDanishDate(rule.validTo) : "uden slutdato"}`;
}

function originDa(rule: EffectiveLegalRule): string {
  switch (rule.origin.kind) {
    case "default":
      return "Standard";
    case "edited":
      return `Rettet af ${rule.origin.by}, ${formatDateTimeDa(rule.origin.at)}`;
    default:
      return assertNever(rule.origin);
  }
}

/** A source that is one web address becomes a link; anything else (a document's name) stays text. */
function Source({ source }: { readonly source: string }): JSX.Element {
  return /^https?:\/\/\S+$/.test(source) ? <a href={source}>{source}</a> : <>{source}</>;
}

function RuleForm({
  rule,
  model,
}: {
  readonly rule: EffectiveLegalRule;
  readonly model: LegalRulesPageModel;
}): JSX.Element {
  const F = LEGAL_RULE_FIELDS_DA;
  const refused = model.refused?.ruleId === rule.id ? model.refused : null;
  const refusal = refused?.refusal ?? null;
  const v = refused?.values ?? legalRuleFormValues(rule);
  const id = (name: string) => `${rule.id}-${name}`;
  const err = (field: string) => errorFor(refusal, field);
  const standard = model.defaults.find((d) => d.id === rule.id);
  return (
    <section class="legal-rule" aria-labelledby={`h-${rule.id}`}>
      <h2 class="h3" id={`h-${rule.id}`}>
        Ret {rule.provision}
      </h2>
      <p class="form-hint">
        {originDa(rule)}.{standard && rule.origin.kind === "edited" ? ` Standarden er ${periodDa(standard)}.` : ""}
      </p>
      <form method="post" action={`${LEGAL_RULES_PATH}/${rule.id}`} class="legal-rule-form" novalidate>
        <CsrfInput token={model.csrfToken} />
        <ErrorSummary refusal={refusal} />
        <FieldGroup id={id("fra")} label={F.validFrom} hint="Den første dag, reglen gælder." error={err(F.validFrom)}>
          {(d) => (
            <input
              class="form-input input-width-s"
              type="date"
              id={id("fra")}
              name="fra"
              value={v.validFrom}
              aria-describedby={d}
              required
            />
          )}
        </FieldGroup>
        <FieldGroup
          id={id("til")}
          label={`${F.validTo} (valgfri)`}
          hint="Den sidste dag, reglen gælder. Tom: reglen gælder uden slutdato."
          error={err(F.validTo)}
        >
          {(d) => (
            <input
              class="form-input input-width-s"
              type="date"
              id={id("til")}
              name="til"
              value={v.validTo}
              aria-describedby={d}
            />
          )}
        </FieldGroup>
        <FieldGroup
          id={id("indhold")}
          label={F.summaryDa}
          hint="Sådan står reglen i dagsordenpunktet og på kommunens side."
          error={err(F.summaryDa)}
        >
          {(d) => (
            <textarea
              class="form-input legal-rule-summary"
              id={id("indhold")}
              name="indhold"
              rows={5}
              maxLength={2000}
              aria-describedby={d}
              value={v.summaryDa}
              required
            />
          )}
        </FieldGroup>
        <FieldGroup
          id={id("kilde")}
          label={F.source}
          hint="Adressen eller dokumentet, ændringen bygger på, fx et lovforslag eller et referat."
          error={err(F.source)}
        >
          {(d) => (
            <input
              class="form-input input-width-xl"
              type="text"
              id={id("kilde")}
              name="kilde"
              value={v.source}
              maxLength={500}
              aria-describedby={d}
              required
            />
          )}
        </FieldGroup>
        <button class="button button-primary" type="submit">
          Gem reglen<span class="sr-only"> {rule.provision}</span>
        </button>
      </form>
      {rule.origin.kind === "edited" && (
        <form method="post" action={`${LEGAL_RULES_PATH}/${rule.id}/standard`} class="legal-rule-reset">
          <CsrfInput token={model.csrfToken} />
          <button class="button button-secondary" type="submit">
            Tilbage til standard<span class="sr-only"> for {rule.provision}</span>
          </button>
        </form>
      )}
    </section>
  );
}

/**
 * /lovregler (issue 13): the dated legal rules the product judges each year's treatment by, with their
 * sources and who changed them, and one form per rule. Whether § 79 b stk. 2–3 apply for a year is disputed
 * between the sources, so an administrator corrects the period here, naming the source the change rests on.
 */
export function LegalRulesPage(m: LegalRulesPageModel): JSX.Element {
  return (
    <PageLayout title="Lovregler" isDemo={false} account={m.account}>
      <h1>Lovregler</h1>
      <p class="legal-rules-intro">
        Reglerne gælder i en periode og har hver en kilde. Dagsordenpunktet, kommunens side og behandlingen af kortet
        bruger dem til at afgøre, hvad byrådet skal tage stilling til i et givet år. En ændring kræver en kilde og står
        i <a href="/revisionsspor">revisionssporet</a> med før og efter.
      </p>
      <SuccessNotice textDa={m.savedDa} />
      <ScrollableTable captionDa="Lovreglerne">
        <table class="table table--compact legal-rules-table">
          <caption>{m.rules.length} lovregler</caption>
          <thead>
            <tr>
              <th scope="col">Bestemmelse</th>
              <th scope="col">Gælder</th>
              <th scope="col">Indhold</th>
              <th scope="col">Kilde</th>
              <th scope="col">Oprindelse</th>
            </tr>
          </thead>
          <tbody>
            {m.rules.map((r) => (
              <tr>
                <th scope="row">
                  <a href={`#h-${r.id}`}>{r.provision}</a>
                </th>
                <td class="legal-rule-period">{periodDa(r)}</td>
                <td>{r.summaryDa}</td>
                <td class="source-line">
                  <Source source={r.source} />
                </td>
                <td>{originDa(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      {m.rules.map((r) => (
        <RuleForm rule={r} model={m} />
      ))}
    </PageLayout>
  );
}

export function renderLegalRulesPage(m: LegalRulesPageModel): string {
  return renderHtmlPage(<LegalRulesPage {...m} />);
}
