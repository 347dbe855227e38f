import { request } from "../api.js";

export type Role = "learner" | "lead" | "author" | "admin";

/** GET /api/me: who this browser acts as. Single-user mode: email null, role admin, no teams. */
export interface Me {
  email: string | null;
  role: Role;
  teams: { id: string; name: string; role: "member" | "lead" }[];
  mode: "single-user" | "multi-user";
}

/** GET /api/invitations/{token}: what accepting the invitation makes of the visitor. */
export interface Invitation {
  email: string;
  role: Role;
  team: { id: string; name: string } | null;
  /** The inviter's email (null once that account is removed). */
  invitedBy?: string | null;
}

const json = (body: unknown) => JSON.stringify(body);
const token = (t: string) => `/api/invitations/${encodeURIComponent(t)}`;

/** Accounts and sessions (src/server: session, me and invitation routes). */
export const accountApi = {
  /** Who is signed in; a 401 here means "multi-user mode, nobody signed in", not a lost session. */
  me: () => request<Me>("/api/me", { on401: "answer" }),
  signIn: (email: string, password: string) =>
    request<void>("/api/session", { method: "POST", body: json({ email, password }), on401: "answer" }),
  signOut: () => request<void>("/api/session", { method: "DELETE", on401: "answer" }),
  signOutEverywhere: () => request<void>("/api/sessions", { method: "DELETE", on401: "answer" }),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>("/api/me/password", {
      method: "POST",
      body: json({ currentPassword, newPassword }),
      on401: "answer-unless-expired",
    }),
  invitation: (t: string) => request<Invitation>(token(t), { on401: "answer" }),
  acceptInvitation: (t: string, password: string) =>
    request<void>(`${token(t)}/accept`, { method: "POST", body: json({ password }), on401: "answer" }),
};

/** The shortest password accounts accept (the server checks it too). */
export const MIN_PASSWORD_LENGTH = 12;

export const ROLE_LABELS: Record<Role, string> = {
  learner: "Learner",
  lead: "Team lead",
  author: "Author",
  admin: "Administrator",
};
