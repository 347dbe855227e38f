import { NavLink } from "react-router";
import { useMe } from "./me-context.js";

/** The "Authoring" link in the header, for authors and admins (the single user is an admin). */
export function AuthorNavLink() {
  const { state } = useMe();
  const role = state.status === "signed-in" || state.status === "single-user" ? state.me.role : undefined;
  if (role !== "author" && role !== "admin") return null;
  return (
    <li>
      <NavLink to="/author">Authoring</NavLink>
    </li>
  );
}
