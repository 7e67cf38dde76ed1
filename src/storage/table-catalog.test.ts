import { describe, expect, it } from "vitest";
import { ForeignKeyCycleError, orderTablesByForeignKeys } from "./table-catalog.js";

describe("orderTablesByForeignKeys", () => {
  it("puts every table after the tables it refers to, ties by name", () => {
    const order = orderTablesByForeignKeys(
      ["user_session", "app_user", "treatment_attachment", "treatment_meeting", "audit_event"],
      [
        { table: "user_session", references: "app_user" },
        { table: "treatment_attachment", references: "treatment_meeting" },
      ],
    );
    expect(order).toEqual(["app_user", "audit_event", "treatment_meeting", "treatment_attachment", "user_session"]);
  });

  it("lets a table refer to itself, ignores tables it is not asked about, and refuses a ring", () => {
    expect(orderTablesByForeignKeys(["b", "a"], [{ table: "a", references: "a" }, { table: "b", references: "elsewhere" }])).toEqual(["a", "b"]);
    expect(() => orderTablesByForeignKeys(["a", "b"], [{ table: "a", references: "b" }, { table: "b", references: "a" }])).toThrow(ForeignKeyCycleError);
  });
});
