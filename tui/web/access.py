"""Who may reach the served app: the one-time token, the session cookie, Host and Origin.

The rules, in the order the middleware applies them to every request:

1. The Host header must name this server: ``127.0.0.1:PORT`` or ``localhost:PORT``
   (a web page whose own name points at 127.0.0.1, DNS rebinding, is refused).
2. An Origin header, when sent, must be this same address; a WebSocket must send one.
3. ``/?token=...`` with the printed token, once, is exchanged for a session cookie
   (HttpOnly, SameSite=Strict) and a page that moves on to ``/`` without the token.
4. Everything else needs that cookie; without it: 403 and no app.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from urllib.parse import urlencode

from aiohttp import hdrs, web
from aiohttp.typedefs import Handler, Middleware

TOKEN_PARAMETER = "token"
TOKEN_BYTES = 32  # 256 bits; the issue asks for at least 128
LOCAL_NAMES = ("127.0.0.1", "localhost")

MOVE_ON_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">
<meta http-equiv="refresh" content="0; url={target}"><title>Heartwork</title></head>
<body><p>Opening Heartwork… <a href="{target}">continue</a></p></body></html>
"""


def new_token() -> str:
    """A fresh random secret for the URL or a session (``secrets.token_urlsafe``, 256 bits)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


@dataclass
class AccessGuard:
    """The token printed once, the sessions it was exchanged for, and the address they belong to."""

    port: int
    token: str = field(default_factory=new_token)
    sessions: set[str] = field(default_factory=set)
    token_used: bool = False

    @property
    def cookie_name(self) -> str:
        # Cookies are shared by every port of a host: a name per port keeps servers apart.
        return f"heartwork_session_{self.port}"

    def start_url(self, host: str = "127.0.0.1") -> str:
        """The one URL to print: it carries the token."""
        return f"http://{host}:{self.port}/?{urlencode({TOKEN_PARAMETER: self.token})}"

    def allowed_hosts(self) -> set[str]:
        return {f"{name}:{self.port}" for name in LOCAL_NAMES}

    def host_is_ours(self, host: str | None) -> bool:
        return host is not None and host.lower() in self.allowed_hosts()

    def origin_is_ours(self, origin: str | None, host: str) -> bool:
        return origin is not None and origin.lower() == f"http://{host.lower()}"

    def token_is_right(self, offered: str | None) -> bool:
        return offered is not None and not self.token_used and secrets.compare_digest(offered, self.token)

    def has_session(self, request: web.Request) -> bool:
        offered = request.cookies.get(self.cookie_name)
        return offered is not None and any(secrets.compare_digest(offered, known) for known in self.sessions)

    def start_session(self) -> str:
        """Use up the token and open a session for the browser that brought it."""
        self.token_used = True
        session = new_token()
        self.sessions.add(session)
        return session

    # -- the middleware ---------------------------------------------------------

    def middleware(self) -> Middleware:
        """The aiohttp middleware that applies these rules before any of textual-serve's handlers."""

        @web.middleware
        async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
            return await self.check(request, handler)

        return guard

    async def check(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        host = request.headers.get(hdrs.HOST)
        if not self.host_is_ours(host):
            return refused("This address is not Heartwork's.")
        assert host is not None
        origin = request.headers.get(hdrs.ORIGIN)
        is_websocket = request.headers.get(hdrs.UPGRADE, "").lower() == "websocket"
        if (origin is not None or is_websocket) and not self.origin_is_ours(origin, host):
            return refused("Heartwork only answers its own page.")
        if TOKEN_PARAMETER in request.query:
            return self._exchange_token(request)
        if not self.has_session(request):
            return refused("Open the link that `heartwork serve` printed (it works once).")
        response = await handler(request)
        if not response.prepared:
            add_safety_headers(response, host)
        return response

    def _exchange_token(self, request: web.Request) -> web.StreamResponse:
        if self.has_session(request):
            session = None  # this browser is already in: just drop the token from the URL
        elif self.token_is_right(request.query.get(TOKEN_PARAMETER)):
            session = self.start_session()
        else:
            return refused("This link is not right, or was already used. Start `heartwork serve` again for a new one.")
        rest = {key: value for key, value in request.query.items() if key != TOKEN_PARAMETER}
        target = "/" + (f"?{urlencode(rest)}" if rest else "")
        # A page, not an HTTP redirect: the move to "/" then starts from this origin, so the
        # SameSite=Strict cookie goes with it even when the link was opened from a file.
        response = web.Response(text=MOVE_ON_PAGE.format(target=target), content_type="text/html")
        if session is not None:
            response.set_cookie(self.cookie_name, session, httponly=True, samesite="Strict", path="/")
        add_safety_headers(response, request.host)
        return response


def refused(reason: str) -> web.Response:
    """403 with a plain one-line reason, and nothing of the app."""
    response = web.Response(status=403, text=f"Refused: {reason}\n", content_type="text/plain")
    response.headers[hdrs.CACHE_CONTROL] = "no-store"
    return response


def content_security_policy(host: str) -> str:
    """Only this server: no script, style, font, image or connection from anywhere else."""
    return "; ".join(
        [
            "default-src 'none'",
            "script-src 'self' 'unsafe-inline'",
            "style-src 'self' 'unsafe-inline'",
            "font-src 'self'",
            "img-src 'self' data:",
            f"connect-src 'self' ws://{host}",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )


def add_safety_headers(response: web.StreamResponse, host: str) -> None:
    response.headers[hdrs.CACHE_CONTROL] = "no-store"
    response.headers["Content-Security-Policy"] = content_security_policy(host)
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Cross-Origin-Resource-Policy"] = "same-origin"
