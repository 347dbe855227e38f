import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { USER_ROLES } from "../app/policy.js";
import type { ExamContext } from "../compose.js";
import {
  actorOf,
  clearSessionCookie,
  clientAddress,
  sessionToken,
  setSessionCookie,
} from "./actor-middleware.js";
import { errorSchema } from "./api-schemas.js";

const json = <T>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});
const body = <T>(schema: T) => ({ body: { content: { "application/json": { schema } }, required: true } });
const noContent = (description: string) => ({ description });
const signedOut = json(errorSchema, "auth.required: sign in first (accounts exist)");
const cookieHeader = {
  "Set-Cookie": {
    description:
      "certpath_session=<token>; Path=/; HttpOnly; SameSite=Lax (plus Secure over HTTPS); the token is random and stored only hashed",
    schema: { type: "string" as const },
  },
};

const password = z.string().min(1).max(1024);
const signIn = z
  .strictObject({ email: z.string().min(1).max(320), password })
  .openapi("SignIn", { example: { email: "ana@example.org", password: "a long pass phrase" } });
const me = z
  .object({
    email: z.string().nullable().openapi({ description: "null in single-user mode" }),
    role: z.enum(USER_ROLES),
    teams: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(["member", "lead"]) })),
    mode: z.enum(["single-user", "multi-user"]),
  })
  .openapi("Me");
const passwordChange = z
  .strictObject({ currentPassword: password, newPassword: password })
  .openapi("PasswordChange");
const invitationInput = z
  .strictObject({
    email: z.string().min(1).max(320),
    role: z.enum(USER_ROLES),
    teamId: z.string().min(1).max(64).optional(),
  })
  .openapi("InvitationInput");
const invitation = z
  .object({
    email: z.string(),
    role: z.enum(USER_ROLES),
    team: z.object({ id: z.string(), name: z.string() }).nullable(),
    invitedBy: z.string().nullable().openapi({ description: "The inviter's email (null once removed)" }),
  })
  .openapi("Invitation");
const tokenParam = z.object({ token: z.string().min(1).max(128) });

/** Sign-in and sign-out, the signed-in user, password change and invitations by link. */
export function registerAccountRoutes(
  app: OpenAPIHono,
  ctx: ExamContext,
  options: { trustProxy?: boolean } = {},
) {
  const { accounts } = ctx;
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/session",
      tags: ["accounts"],
      summary: "Sign in with email and password: sets the session cookie",
      request: body(signIn),
      responses: {
        204: { description: "Signed in: exactly one session cookie", headers: cookieHeader },
        401: json(errorSchema, "session.invalid_credentials: the email or the password is wrong"),
        429: {
          ...json(errorSchema, "session.rate_limited: too many failures for this email or address"),
          headers: {
            "Retry-After": { description: "seconds to wait", schema: { type: "integer" as const } },
          },
        },
      },
    }),
    async (c) => {
      const { email, password } = c.req.valid("json");
      const { token } = await accounts.signIn(email, password, clientAddress(c, options.trustProxy));
      setSessionCookie(c, token);
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/session",
      tags: ["accounts"],
      summary: "Sign out: ends this session on every server and clears the cookie",
      responses: { 204: noContent("Signed out"), 401: signedOut },
    }),
    async (c) => {
      actorOf(c, "account.update");
      await accounts.signOut(sessionToken(c));
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/sessions",
      tags: ["accounts"],
      summary: "Sign out everywhere: ends every session of the signed-in user",
      responses: { 204: noContent("Every session ended"), 401: signedOut },
    }),
    async (c) => {
      await accounts.signOutEverywhere(actorOf(c, "account.update"));
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/me",
      tags: ["accounts"],
      summary: "The signed-in user: email, role, teams and the server's mode",
      responses: { 200: json(me, "The user (single-user mode: email null, role admin)"), 401: signedOut },
    }),
    (c) => c.json(accounts.me(actorOf(c, "account.read")), 200),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/me/password",
      tags: ["accounts"],
      summary: "Change the password; every other session is signed out",
      request: body(passwordChange),
      responses: {
        204: noContent("Changed"),
        400: json(errorSchema, "account.weak_password (at least 12 characters) or invalid input"),
        401: json(errorSchema, "account.wrong_password, or auth.required"),
        409: json(errorSchema, "account.no_accounts: single-user mode has no password"),
      },
    }),
    async (c) => {
      const b = c.req.valid("json");
      await accounts.changePassword(actorOf(c), b.currentPassword, b.newPassword, sessionToken(c));
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/invitations",
      tags: ["accounts"],
      summary: "Invite someone by link (admins: any role and team; leads: learners into teams they lead)",
      request: body(invitationInput),
      responses: {
        201: json(
          z.object({ url: z.string().openapi({ example: "/invite/3q2…" }), expiresAt: z.string() }),
          "The link to send (valid 7 days, once)",
        ),
        400: json(errorSchema, "account.invalid_email or invalid input"),
        401: signedOut,
        403: json(errorSchema, "auth.forbidden: this role or team is not yours to invite to"),
        404: json(errorSchema, "team.not_found"),
        409: json(errorSchema, "account.exists, or invitation.no_accounts (single-user mode)"),
      },
    }),
    async (c) => c.json(await accounts.invite(actorOf(c), c.req.valid("json")), 201),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/invitations/{token}",
      tags: ["accounts"],
      summary: "What an invitation link offers (anyone with the link)",
      request: { params: tokenParam },
      responses: {
        200: json(invitation, "The invitation"),
        404: json(errorSchema, "invitation.not_found: unknown, expired or already used"),
      },
    }),
    async (c) => c.json(await accounts.lookupInvitation(c.req.valid("param").token), 200),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/invitations/{token}/accept",
      tags: ["accounts"],
      summary: "Accept an invitation with a password: creates the account and signs it in",
      request: { params: tokenParam, ...body(z.strictObject({ password }).openapi("AcceptInvitation")) },
      responses: {
        204: { description: "Account created and signed in", headers: cookieHeader },
        400: json(errorSchema, "account.weak_password (at least 12 characters)"),
        404: json(errorSchema, "invitation.not_found: unknown, expired or already used"),
        409: json(errorSchema, "account.exists"),
      },
    }),
    async (c) => {
      const { token } = await accounts.acceptInvitation(
        c.req.valid("param").token,
        c.req.valid("json").password,
      );
      setSessionCookie(c, token);
      return c.body(null, 204);
    },
  );
}
