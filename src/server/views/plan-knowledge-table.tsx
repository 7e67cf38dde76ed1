import type { JSX } from "preact";
import type { PlanKnowledgeFollowUp } from "../../domain/action-plan/knowledge-follow-up.js";
import { aggregateCellText } from "../../domain/knowledge/public-aggregate.js";
import { ScrollableTable } from "./scrollable-table.js";

/** The three most frequent reasons of a year, "Utilstrækkelig sagsoplysning 2, Begrundelse 1". */
export function topReasonsDa(year: PlanKnowledgeFollowUp["areas"][number]["years"][number]): string {
  return year.byReason
    .slice(0, 3)
    .map((r) => `${r.labelDa} ${aggregateCellText(r.cell)}`)
    .join(", ");
}

/**
 * The knowledge bank beside a plan's figures (issue 14, point 3): per focus area and year, the registered
 * decisions and their most frequent reasons. Said to be the municipality's own notes, not the statistics.
 */
export function PlanKnowledgeTable({ knowledge }: { knowledge: PlanKnowledgeFollowUp }): JSX.Element {
  const years = knowledge.areas[0]?.years.map((y) => y.year) ?? [];
  const caption = "Registrerede afgørelser i kommunens vidensbank pr. fokusområde og år, med de hyppigste årsager";
  return (
    <>
      <h3>Vidensbanken: hvorfor sagerne i fokusområderne blev omgjort</h3>
      <p>
        {`Kommunens egne registreringer af Ankestyrelsens omgjorte og hjemviste afgørelser (kun godkendte), placeret i fokusområderne med de samme regler som tallene ovenfor – ikke Ankestyrelsens statistik.${knowledge.exact ? "" : ' Tal under 3 vises som "<3".'}`}
      </p>
      <ScrollableTable captionDa={caption}>
        <table class="table table--compact plan-knowledge">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Fokusområde</th>
              {years.map((y) => (
                <th scope="col">{String(y)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {knowledge.areas.map((a) => (
              <tr>
                <th scope="row">{a.nameDa}</th>
                {a.years.map((y) => (
                  <td>
                    {aggregateCellText(y.entries)}
                    {y.byReason.length > 0 && (
                      <>
                        <br />
                        <span class="form-hint">{topReasonsDa(y)}</span>
                      </>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
    </>
  );
}
