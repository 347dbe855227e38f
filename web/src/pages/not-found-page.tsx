import { Link } from "react-router";
import { Title } from "../components/status.js";

export function NotFoundPage() {
  return (
    <section>
      <Title>Page not found</Title>
      <p>
        There is no page at this address. Try the <Link to="/catalog">catalog</Link> or the{" "}
        <Link to="/advisor">path advisor</Link>.
      </p>
    </section>
  );
}
