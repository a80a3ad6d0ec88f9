"""`kartoteka serve` and `kartoteka users`: the web app and its accounts."""

from __future__ import annotations

import os

import click
from rich.markup import escape
from rich.table import Table

from kartoteka.accounts import users as accounts
from kartoteka.interfaces.cli import _store, cli, console
from kartoteka.storage import Store

# Seconds an idle connection stays open: longer than a reader's pause between
# pages, so a page is not sent down a connection the server is closing.
KEEP_ALIVE = 75


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option(
    "--public",
    is_flag=True,
    help="Let anyone read without logging in (writing still needs an editor).",
)
@click.option(
    "--secure-cookies",
    is_flag=True,
    help="Mark the session cookie Secure: behind an HTTPS proxy.",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Processes serving at once: one per core for many readers.",
)
@click.pass_context
def serve(
    ctx: click.Context,
    host: str,
    port: int,
    public: bool,
    secure_cookies: bool,
    workers: int,
) -> None:
    """Serve the archive in a browser, with a JSON API under /api (its OpenAPI
    document at /openapi.json). Reading needs an account unless --public.

    Example:

    \b
        kartoteka serve
        kartoteka --db postgresql+psycopg://kartoteka@db/archive serve --host 0.0.0.0
    """
    import uvicorn

    from kartoteka.web.app import create_app, serving_environment

    store = _store(ctx)
    console.print(f"kartoteka at http://{host}:{port}/  (Ctrl-C stops it)")
    if workers == 1:
        app = create_app(store, public=public, secure_cookies=secure_cookies)
        uvicorn.run(app, host=host, port=port, log_level="warning",
                    timeout_keep_alive=KEEP_ALIVE)  # fmt: skip
        return
    # Each worker process opens the store itself, from what is set here.
    os.environ.update(serving_environment(store, public, secure_cookies))
    uvicorn.run(
        "kartoteka.web.app:app_from_environment",
        factory=True, host=host, port=port, workers=workers, log_level="warning",
        timeout_keep_alive=KEEP_ALIVE,
    )  # fmt: skip


@cli.group()
def users() -> None:
    """Accounts of the web app: reader, editor, admin.

    Example:

    \b
        kartoteka users add anna --role editor
        kartoteka users token anna
    """


@users.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(accounts.ROLES), default="reader",
              show_default=True)  # fmt: skip
@click.password_option(help="Asked for when not given (at least 10 characters).")
@click.pass_context
def users_add(ctx: click.Context, name: str, role: str, password: str) -> None:
    """Add an account.

    Example:

    \b
        kartoteka users add anna --role editor
    """
    made = accounts.add_user(_store(ctx), name, password, role)
    console.print(f"added {made.name} ({made.role})")


@users.command("set-role")
@click.argument("name")
@click.argument("role", type=click.Choice(accounts.ROLES))
@click.pass_context
def users_set_role(ctx: click.Context, name: str, role: str) -> None:
    """Change an account's role.

    Example:

    \b
        kartoteka users set-role anna admin
    """
    made = accounts.set_role(_store(ctx), name, role)
    console.print(f"{made.name} is now {made.role}")


@users.command("disable")
@click.argument("name")
@click.option("--enable", is_flag=True, help="Enable the account again.")
@click.pass_context
def users_disable(ctx: click.Context, name: str, enable: bool) -> None:
    """Disable an account: it can no longer log in or use its tokens.

    Example:

    \b
        kartoteka users disable anna
    """
    made = accounts.disable_user(_store(ctx), name, disabled=not enable)
    console.print(f"{made.name} is {'disabled' if made.disabled else 'enabled'}")


@users.command("token")
@click.argument("name")
@click.option("--label", help="What the token is for.")
@click.pass_context
def users_token(ctx: click.Context, name: str, label: str | None) -> None:
    """Issue an API token (shown once) for scripts: send it as
    `Authorization: Bearer <token>`.

    Example:

    \b
        kartoteka users token anna --label "nightly import"
    """
    console.print(accounts.issue_token(_store(ctx), name, label), highlight=False)


@users.command("list")
@click.pass_context
def users_list(ctx: click.Context) -> None:
    """List the accounts.

    Example:

    \b
        kartoteka users list
    """
    table = Table("name", "role", "state")
    for user in accounts.list_users(_store(ctx)):
        table.add_row(user.name, str(user.role), "disabled" if user.disabled else "")
    console.print(table)


@users.command("password")
@click.argument("name")
@click.password_option(help="Asked for when not given (at least 10 characters).")
@click.pass_context
def users_password(ctx: click.Context, name: str, password: str) -> None:
    """Set an account's password.

    Example:

    \b
        kartoteka users password editor
    """
    made = accounts.set_password(_store(ctx), name, password)
    console.print(f"set the password of {made.name}")


def demo_login(store: Store) -> None:
    """Make the demo's editor account and say how to log in to the web app."""
    from kartoteka.accounts.users import DEMO_ACCOUNT, demo_account

    password = demo_account(store)
    console.print(
        "\nIn a browser: [bold]kartoteka serve[/], open http://127.0.0.1:8000/ and "
        f"log in as [bold]{DEMO_ACCOUNT}[/] "
        + (
            f"with the password [bold]{escape(password)}[/] (shown once)."
            if password
            else "(made by an earlier demo; `kartoteka users password "
            f"{DEMO_ACCOUNT}` sets a new password)."
        ),
        highlight=False,
    )
