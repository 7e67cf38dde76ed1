import type { JSX } from "preact";
import {
  aggregateCellText,
  SUPPRESS_BELOW,
  type AggregateRow,
  type PublicAggregate,
} from "../../domain/knowledge/public-aggregate.js";

export type KnowledgePublicSectionModel = {
  readonly municipalityName: string;
  readonly aggregate: PublicAggregate;
  /** The bank's own page, for those of the municipality's users who may read it; null for everyone else. */
  readonly bankHref: string | null;
};

function AggregateTable({
  caption,
  first,
  rows,
}: {
  caption: string;
  first: string;
  rows: readonly AggregateRow[];
}): JSX.Element {
  return (
    <table class="table table--compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{first}</th>
          <th scope="col" class="text-align-right">
            Afgørelser
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td>{r.labelDa}</td>
            <td class="text-align-right">{aggregateCellText(r.cell)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The municipality's published knowledge-bank counts on its public profile (issue 14, point 4): only when
 * the municipality chose to publish, only approved entries, no text, and every count under 3 as "<3". It
 * says plainly that these are the municipality's own notes, not Ankestyrelsen's statistics.
 */
export function KnowledgePublicSection({ model }: { model: KnowledgePublicSectionModel }): JSX.Element {
  const a = model.aggregate;
  const none = a.total.kind === "count" && a.total.count === 0;
  return (
    <section class="knowledge-public" aria-labelledby="h-vidensbank">
      <h2 id="h-vidensbank">{`Hvorfor sagerne blev omgjort – kommunens vidensbank ${a.year}`}</h2>
      <p>
        {`${model.municipalityName} Kommune registrerer selv Ankestyrelsens omgjorte og hjemviste afgørelser og årsagerne til dem, og har valgt at offentliggøre en optælling. Det er kommunens egne registreringer, ikke Ankestyrelsens statistik. Kun godkendte registreringer tæller, en afgørelse kan have flere årsager, og tal under ${SUPPRESS_BELOW} vises som "<${SUPPRESS_BELOW}", så ingen borger kan genkendes.`}
      </p>
      {none ? (
        <p>{`Ingen godkendte afgørelser er registreret for ${a.year}.`}</p>
      ) : (
        <>
          <p>{`Registrerede afgørelser i ${a.year}: ${aggregateCellText(a.total)}.`}</p>
          <AggregateTable caption={`Registrerede afgørelser pr. årsag, ${a.year}`} first="Årsag" rows={a.byReason} />
          <AggregateTable
            caption={`Registrerede afgørelser pr. sagsemne, ${a.year}`}
            first="Sagsemne"
            rows={a.bySubject}
          />
        </>
      )}
      {model.bankHref && (
        <p>
          <a href={model.bankHref}>Åbn vidensbanken</a> (kun for kommunens egne brugere)
        </p>
      )}
    </section>
  );
}
