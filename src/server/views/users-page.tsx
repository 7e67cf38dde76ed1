import type { JSX } from "preact";
import type { Refusal } from "../../app/use-case-result.js";
import { describeRoleDa, ROLE_KINDS, ROLE_NAMES_DA } from "../../domain/access-policy.js";
import { formatDateDa } from "../../domain/format-danish-date.js";
import { MUNICIPALITIES } from "../../domain/municipality.js";
import type { UserAccount } from "../../storage/user-accounts.js";
import { CsrfInput, ErrorSummary, errorFor, InputField, SelectField, SuccessNotice } from "./form-fields.js";
import { PageLayout, type LayoutAccount } from "./page-layout.js";
import { renderHtmlPage } from "./render-html-page.js";

export type UsersPageModel = {
  readonly account: LayoutAccount | null;
  readonly csrfToken: string;
  readonly users: readonly UserAccount[];
  /** The signed-in administrator's own account: it cannot be disabled from here. */
  readonly selfId: string | null;
  readonly refusal: Refusal | null;
  readonly done: string | null;
  readonly entered: { readonly email: string; readonly rolle: string; readonly kommune: string };
  readonly minPasswordLength: number;
};

function UserRow({
  u,
  self,
  csrfToken,
}: {
  readonly u: UserAccount;
  readonly self: boolean;
  readonly csrfToken: string;
}): JSX.Element {
  return (
    <tr>
      <td>{u.email}</td>
      <td>{describeRoleDa(u.role)}</td>
      <td>{u.oidc ? "OpenID Connect" : "Adgangskode"}</td>
      <td>{formatDateDa(u.createdAt)}</td>
      <td>{u.disabledAt ? `Spærret ${formatDateDa(u.disabledAt)}` : "Aktiv"}</td>
      <td>
        {!self && (
          <form method="post" action="/brugere/spaer">
            <CsrfInput token={csrfToken} />
            <input type="hidden" name="email" value={u.email} />
            <input type="hidden" name="spaerret" value={u.disabledAt ? "nej" : "ja"} />
            <button class="button button-secondary button-small" type="submit">
              {u.disabledAt ? "Genåbn" : "Spær"}
              <span class="sr-only"> {u.email}</span>
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}

/** /brugere: the administrator lists, creates, disables and re-enables accounts. */
export function UsersPage(m: UsersPageModel): JSX.Element {
  const fieldError = (field: string) => errorFor(m.refusal, field);
  const roles = ROLE_KINDS.map((k) => ({ value: k, labelDa: ROLE_NAMES_DA[k] }));
  const municipalities = [
    { value: "", labelDa: "Ingen (administrator og tilsyn)" },
    ...MUNICIPALITIES.map((x) => ({ value: x.code, labelDa: `${x.name} (${x.code})` })),
  ];
  return (
    <PageLayout title="Brugere" isDemo={false} account={m.account}>
      <h1>Brugere</h1>
      <SuccessNotice textDa={m.done} />
      <div class="table-scroll" tabindex={0} role="region" aria-label="Brugerne">
        <table class="table table--compact">
          <caption>{m.users.length} brugere</caption>
          <thead>
            <tr>
              <th scope="col">E-mail</th>
              <th scope="col">Rolle</th>
              <th scope="col">Logger ind med</th>
              <th scope="col">Oprettet</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span class="sr-only">Handling</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {m.users.map((u) => (
              <UserRow u={u} self={u.id === m.selfId} csrfToken={m.csrfToken} />
            ))}
          </tbody>
        </table>
      </div>
      <h2 class="h3" id="h-opret">
        Opret en bruger
      </h2>
      <ErrorSummary refusal={m.refusal} />
      <form method="post" action="/brugere" novalidate>
        <CsrfInput token={m.csrfToken} />
        <InputField
          id="ny-email"
          name="email"
          label="E-mail"
          type="email"
          autocomplete="off"
          value={m.entered.email}
          error={fieldError("email")}
        />
        <SelectField
          id="ny-rolle"
          name="rolle"
          label="Rolle"
          options={roles}
          selected={m.entered.rolle}
          hint="Redaktører og læsere hører til én kommune."
          error={fieldError("rolle")}
        />
        <SelectField
          id="ny-kommune"
          name="kommune"
          label="Kommune"
          options={municipalities}
          selected={m.entered.kommune}
          hint="Kun for redaktør og læser."
          error={fieldError("kommune")}
        />
        <InputField
          id="ny-adgangskode"
          name="adgangskode"
          label="Adgangskode"
          type="password"
          autocomplete="new-password"
          hint={`Mindst ${m.minPasswordLength} tegn. Tom: brugeren logger kun ind gennem organisationens login (OpenID Connect).`}
          error={fieldError("adgangskode")}
        />
        <button class="button button-primary" type="submit">
          Opret bruger
        </button>
      </form>
    </PageLayout>
  );
}

export function renderUsersPage(m: UsersPageModel): string {
  return renderHtmlPage(<UsersPage {...m} />);
}
