"""`polemos.client.Client`: the same calls as :class:`polemos.Engine`, against a ``polemos serve``
gRPC server.

Code moves from in-process to the service by changing one line::

    engine = polemos.Engine()                                        # in-process
    engine = Client("127.0.0.1:50051", api_key=os.environ["POLEMOS_API_KEY"])  # the service

    engine.import_dossier("examples/dossiers/kuril-islands.json")
    engine.stances(dispute="kuril-islands").to_pandas()

Reads return the same resource objects (:class:`polemos.Actor`, ...) holding the record in the
core's JSON shape; server errors raise the same :class:`polemos.PolemosError` subclasses.
Needs the ``grpc`` extra (``pip install 'polemos[grpc]'``); the stubs are generated from
``proto/polemos/v1`` and shipped in :mod:`polemos._grpc`.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, overload

# The transport module checks the `grpc` extra (MissingExtraError naming it) before anything
# imports google.protobuf, so it comes first.
from polemos._client_transport import SERVICE_CONFIG, _error, _Failure, _invalid, grpc
from polemos._client_analyses import _Analyses
from polemos._client_convert import (
    _KINDS,
    _date_text,
    _fill,
    _full,
    _issue,
    _kind_of,
    _record,
    _resource,
)

from google.protobuf.message import Message

from polemos._grpc import (
    change_service_pb2 as _change,
    curation_service_pb2 as _curation,
    dossier_service_pb2 as _dossier,
    extraction_service_pb2 as _extraction,
    import_service_pb2 as _import,
    resources_pb2 as _res,
)
from polemos.engine import (
    CommitResult,
    Curation,
    DateLike,
    IngestResult,
    _dossier_text,
    _split_resource,
)
from polemos.exceptions import AuthError
from polemos.resources import (
    CLASSES,
    Actor,
    Dispute,
    Document,
    Event,
    Issue,
    Resource,
    ResourceList,
    Stance,
)

__all__ = ["SERVICE_CONFIG", "AuthError", "Client", "RemoteExtraction"]

# The largest page the server returns (the engine's MAX_PAGE_SIZE): a larger request gets this.
_MAX_PAGE_SIZE = 1000


def _change_dict(c: Any) -> dict[str, Any]:
    """One change message as the dict :meth:`Engine.changes` gives, plus its ``token``."""
    kind = _change.ResourceKind.Name(c.kind)[len("RESOURCE_KIND_") :].lower()
    which = c.WhichOneof("resource")
    return {
        "revision": c.revision,
        "committed_at": c.commit_time,
        "kind": kind,
        "name": c.name,
        "record": _record(getattr(c, which)) if which else None,
        "token": c.token,
    }


@dataclass(frozen=True)
class RemoteExtraction:
    """What the server extracted from one article, as resources (nothing is stored)."""

    actors: ResourceList[Actor] = field(default_factory=ResourceList)
    disputes: ResourceList[Dispute] = field(default_factory=ResourceList)
    issues: ResourceList[Issue] = field(default_factory=ResourceList)
    stances: ResourceList[Stance] = field(default_factory=ResourceList)
    events: ResourceList[Event] = field(default_factory=ResourceList)
    documents: ResourceList[Document] = field(default_factory=ResourceList)

    @property
    def document(self) -> dict[str, Any]:
        """The article's document record (name, content hash, publication date, ...)."""
        return self.documents[0].to_dict() if self.documents else {}


class Client(_Analyses):
    """A client of a ``polemos serve`` gRPC server, with :class:`polemos.Engine`'s methods.

    ``address`` is ``host:port``; ``api_key`` is a key made by ``polemos keys create`` (sent as
    ``authorization: Bearer KEY``). ``secure=True`` uses TLS with the system roots. ``timeout``
    (seconds) bounds each unary call. Use as a context manager or call :meth:`close`.
    """

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"polemos.client.Client({self.address!r})"

    # ------------------------------------------------------------------ writing

    def create(self, resource: Resource | Mapping[str, Any]) -> Resource:
        """Creates one resource (a resource object, a record dict with its ``name``, or a
        ``{"stance": {...}}`` record); raises :class:`polemos.ConflictError` if it exists."""
        kind, record = _split_resource(resource)
        return self._create(kind, record)

    def _create(self, kind: str, record: dict[str, Any]) -> Resource:
        cls, plural = _KINDS[kind]
        name = str(record.get("name", ""))
        msg = cls()
        _fill(msg, {k: v for k, v in record.items() if k != "name"}, kind)
        request_cls = getattr(_dossier, f"Create{cls.__name__}Request")
        # No request_id: with one, the server answers a create of an existing, equal resource
        # as a retry (success) instead of the ConflictError `create` promises.
        ids = {f"{kind}_id": name.rsplit("/", 1)[-1]}
        if kind == "issue":
            request = request_cls(parent=name.split("/issues/")[0], issue=msg, **ids)
        else:
            request = request_cls(**{kind: msg}, **ids)
        made = self._call(self._dossier, f"Create{cls.__name__}", request)
        return _resource(kind, getattr(made, kind))

    def import_dossier(
        self, source: Any, *, message: str | None = None, validate_only: bool = False
    ) -> CommitResult:
        """Imports a dossier all or nothing, as :meth:`Engine.import_dossier` does, through the
        server's ``ImportDossier``: one commit (one revision) of every record; new ones are
        created, changed ones replaced, equal ones left alone, so importing the same dossier
        again changes nothing. ``source`` is a path, JSON text, a dossier dict or resources. A
        bad record raises :class:`polemos.ValidationError` naming it (``stances[3].position``)
        and nothing is written. ``validate_only`` checks and counts without writing.
        """
        text, default_message = _dossier_text(source)
        request = _import.ImportDossierRequest(
            dossier_json=text,
            message=message or default_message,
            validate_only=validate_only,
        )
        made = self._call(self._import, "ImportDossier", request)
        return CommitResult(
            revision=made.revision,
            created=made.created,
            updated=made.updated,
            deleted=0,
            unchanged=made.unchanged,
        )

    def _message(self, kind: str, record: Mapping[str, Any]) -> Message:
        msg = _KINDS[kind][0]()
        _fill(msg, record, kind)
        return msg

    def put(self, *resources: Resource | Mapping[str, Any], message: str | None = None) -> CommitResult:
        """Writes resources (or ``{"stance": {...}}`` records), as :meth:`import_dossier`."""
        return self.import_dossier(list(resources), message=message)

    def update(
        self,
        name: str,
        changes: Mapping[str, Any],
        *,
        mask: Iterable[str] | None = None,
        etag: str = "",
    ) -> Resource:
        """Updates one resource, as :meth:`Engine.update` (the server's engine decides what the
        mask means)."""
        kind = _kind_of(name)
        cls, _ = _KINDS[kind]
        msg = cls()
        _fill(msg, dict(changes), kind)
        msg.name = name
        msg.etag = etag
        request = getattr(_dossier, f"Update{cls.__name__}Request")(**{kind: msg})
        if mask is not None:
            request.update_mask.paths.extend(mask)
        made = self._call(self._dossier, f"Update{cls.__name__}", request)
        return _resource(kind, getattr(made, kind))

    def delete(self, name: str, *, etag: str = "") -> None:
        """Deletes one resource; ``etag`` (``r12``) makes it conditional."""
        cls, _ = _KINDS[_kind_of(name)]
        request = getattr(_dossier, f"Delete{cls.__name__}Request")(name=name, etag=etag)
        self._call(self._dossier, f"Delete{cls.__name__}", request)

    # ------------------------------------------------------------------ extraction

    def _document(
        self, text: str, published: DateLike, title: str | None, outlet: str | None, url: str | None
    ) -> Message:
        return _res.Document(
            text=text,
            published=_date_text(published),
            title=title or "",
            outlet=outlet or "",
            url=url or "",
        )

    def extract(
        self,
        text: str,
        *,
        published: DateLike = None,
        title: str | None = None,
        outlet: str | None = None,
        url: str | None = None,
    ) -> RemoteExtraction:
        """Extracts facts from one article on the server without storing them, as the records
        ingest would store. ``published`` is required here (it dates the stances and events):
        without it the server refuses the text with a ``ValidationError``, where
        :meth:`Engine.extract` gives its full reading with relative dates unresolved."""
        request = _extraction.ExtractRequest(
            document=self._document(text, published, title, outlet, url)
        )
        facts = self._call(self._extraction, "Extract", request).facts
        parts: dict[str, Any] = {
            f"{kind}s": ResourceList(
                (_resource(kind, m) for m in getattr(facts, f"{kind}s")), cls=CLASSES[kind]
            )
            for kind in _KINDS
        }
        return RemoteExtraction(**parts)

    @overload
    def ingest(
        self,
        texts: str,
        *,
        published: DateLike,
        title: str | None = None,
        outlet: str | None = None,
        url: str | None = None,
    ) -> IngestResult: ...
    @overload
    def ingest(
        self,
        texts: Iterable[str],
        *,
        published: DateLike,
        title: str | None = None,
        outlet: str | None = None,
        url: str | None = None,
    ) -> list[IngestResult]: ...
    def ingest(
        self,
        texts: str | Iterable[str],
        *,
        published: DateLike,
        title: str | None = None,
        outlet: str | None = None,
        url: str | None = None,
    ) -> IngestResult | list[IngestResult]:
        """Extracts and stores one text (or many, over one stream), as :meth:`Engine.ingest`:
        ``stored``, ``already stored``, or, of many texts, ``failed`` with the error's ``kind``
        and reason (a single text that fails raises). ``created`` counts the document, stances
        and events written (the service does not report actors separately); ``updated`` is 0."""
        single = isinstance(texts, str)
        batch = [texts] if isinstance(texts, str) else list(texts)
        requests = (
            _extraction.IngestRequest(document=self._document(t, published, title, outlet, url))
            for t in batch
        )
        try:
            replies = list(self._extraction.Ingest(requests, metadata=self._metadata))
        except grpc.RpcError as e:
            raise _error(e, self.address) from None
        results: list[IngestResult] = []
        for r in sorted(replies, key=lambda r: r.index):
            if r.outcome == _extraction.INGEST_OUTCOME_FAILED:
                failure = _error(_Failure(r.error_code, f"text {r.index}: {r.error_message}"))
                if single:
                    raise failure
                results.append(IngestResult(
                    document="", status="failed", created=0, updated=0, stances=0, events=0,
                    revision=r.revision, kind=getattr(failure, "kind", None), error=r.error_message,
                ))
                continue
            new = r.outcome == _extraction.INGEST_OUTCOME_CREATED
            results.append(IngestResult(
                document=r.document,
                status="stored" if new else "already stored",
                created=(1 + r.stances + r.events) if new else 0,
                updated=0,
                stances=r.stances,
                events=r.events,
                revision=r.revision,
            ))
        return results[0] if single else results

    # ------------------------------------------------------------------ curation

    def _curate(self, method: Any, request: Any) -> Curation:
        try:
            reply = method(request, metadata=self._metadata)
        except grpc.RpcError as e:
            raise _error(e, self.address) from None
        r = reply.result
        return Curation(
            dispute=_resource("dispute", r.dispute),  # type: ignore[arg-type]
            issues=list(r.issues),
            stances=r.stances,
            events=r.events,
            revision=r.revision,
        )

    def accept_dispute(self, dispute: str) -> Curation:
        """Accepts a proposed dispute and its issues, as :meth:`Engine.accept_dispute`."""
        return self._curate(
            self._curation.AcceptDispute,
            _curation.AcceptDisputeRequest(name=_full("disputes", dispute)),
        )

    def rename_dispute(
        self, dispute: str, new_name: str | None = None, *, title: str | None = None
    ) -> Curation:
        """Renames or retitles a dispute, as :meth:`Engine.rename_dispute`."""
        return self._curate(
            self._curation.RenameDispute,
            _curation.RenameDisputeRequest(
                name=_full("disputes", dispute),
                new_name=_full("disputes", new_name) if new_name else "",
                title=title or "",
            ),
        )

    def merge_dispute(self, dispute: str, into: str) -> Curation:
        """Merges a dispute into another, as :meth:`Engine.merge_dispute`."""
        return self._curate(
            self._curation.MergeDispute,
            _curation.MergeDisputeRequest(
                name=_full("disputes", dispute), into=_full("disputes", into)
            ),
        )

    # ------------------------------------------------------------------ reading

    def get(self, name: str, *, revision: int | None = None) -> Resource:
        """One resource by full name (``actors/JPN``), as it is now or as it was right after
        ``revision``; raises :class:`polemos.NotFoundError`."""
        kind = _kind_of(name)
        cls, _ = _KINDS[kind]
        request = getattr(_dossier, f"Get{cls.__name__}Request")(name=name)
        if revision is not None:
            request.revision = revision
        return _resource(kind, getattr(self._call(self._dossier, f"Get{cls.__name__}", request), kind))

    def _list(
        self,
        kind: str,
        *,
        as_of: DateLike = None,
        revision: int | None = None,
        page_size: int = 500,
        **filters: str,
    ) -> ResourceList[Any]:
        """Every page of one List call. The server applies every filter (the engine's one
        meaning of each), so an unknown dispute, actor or issue is NotFoundError here too."""
        cls, plural = _KINDS[kind]
        request_cls = getattr(_dossier, f"List{plural}Request")
        out: ResourceList[Any] = ResourceList(cls=CLASSES[kind])
        token = ""
        read: dict[str, Any] = {"as_of": _date_text(as_of)}
        if revision is not None:
            read["revision"] = revision
        while True:
            request = request_cls(page_size=page_size, page_token=token, **filters, **read)
            page = self._call(self._dossier, f"List{plural}", request)
            out.extend(_resource(kind, m) for m in getattr(page, f"{kind}s"))
            token = page.next_page_token
            if not token:
                return out

    def page(
        self,
        collection: str,
        *,
        page_size: int = 0,
        page_token: str = "",
        dispute: str | None = None,
        actor: str | None = None,
        issue: str | None = None,
        as_of: DateLike = None,
        revision: int | None = None,
    ) -> tuple[ResourceList[Any], str]:
        """One page of a collection (``actors``, ``stances``, ...), as :meth:`Engine.page`: at
        most ``page_size`` resources (0: 50; at most 1000) from where ``page_token`` says, and
        the next page's token (``""`` after the last). A token is refused
        (:class:`polemos.ValidationError`) unless the server made it for the same query."""
        kind = collection[:-1]
        if kind not in _KINDS:
            raise _invalid("kind", f"`{collection}` is not a collection")
        cls, plural = _KINDS[kind]
        fields: dict[str, Any] = {"page_size": page_size, "page_token": page_token}
        if dispute:
            fields["parent" if kind == "issue" else "dispute"] = _full("disputes", dispute)
        elif kind == "issue":
            fields["parent"] = "disputes/-"
        if actor:
            fields["actor"] = _full("actors", actor)
        if issue:
            fields["issue"] = _issue(issue, dispute)
        if as_of is not None:
            fields["as_of"] = _date_text(as_of)
        if revision is not None:
            fields["revision"] = revision
        request = getattr(_dossier, f"List{plural}Request")(**fields)
        page = self._call(self._dossier, f"List{plural}", request)
        items: ResourceList[Any] = ResourceList(cls=CLASSES[kind])
        items.extend(_resource(kind, m) for m in getattr(page, f"{kind}s"))
        return items, page.next_page_token

    def actors(
        self, *, dispute: str | None = None, revision: int | None = None
    ) -> ResourceList[Actor]:
        """Actors (of one dispute and those its records name, when ``dispute`` is given)."""
        return self._list("actor", dispute=_full("disputes", dispute), revision=revision)

    def disputes(
        self, *, actor: str | None = None, revision: int | None = None
    ) -> ResourceList[Dispute]:
        """Disputes (those ``actor`` is a party to, when given)."""
        return self._list("dispute", actor=_full("actors", actor), revision=revision)

    def issues(
        self, *, dispute: str | None = None, revision: int | None = None
    ) -> ResourceList[Issue]:
        """Issues (of one dispute, when ``dispute`` is given; else of every dispute, the parent
        ``disputes/-`` of AIP-159)."""
        parent = _full("disputes", dispute) if dispute else "disputes/-"
        return self._list("issue", parent=parent, revision=revision)

    def stances(
        self,
        *,
        dispute: str | None = None,
        actor: str | None = None,
        issue: str | None = None,
        as_of: DateLike = None,
        revision: int | None = None,
    ) -> ResourceList[Stance]:
        """Stances, narrowed by dispute (``kuril-islands``), actor (``JPN``), issue, the date they
        were in force on (``as_of``) and the store revision."""
        return self._list(
            "stance",
            dispute=_full("disputes", dispute),
            actor=_full("actors", actor),
            issue=_issue(issue, dispute),
            as_of=as_of,
            revision=revision,
        )

    def events(
        self,
        *,
        dispute: str | None = None,
        actor: str | None = None,
        issue: str | None = None,
        as_of: DateLike = None,
        revision: int | None = None,
    ) -> ResourceList[Event]:
        """Events, narrowed like :meth:`stances`; ``as_of`` keeps events up to that date."""
        return self._list(
            "event",
            dispute=_full("disputes", dispute),
            actor=_full("actors", actor),
            issue=_issue(issue, dispute),
            as_of=as_of,
            revision=revision,
        )

    def documents(
        self,
        *,
        dispute: str | None = None,
        as_of: DateLike = None,
        revision: int | None = None,
    ) -> ResourceList[Document]:
        return self._list(
            "document", dispute=_full("disputes", dispute), as_of=as_of, revision=revision
        )

    # ------------------------------------------------------------------ changes

    def watch(
        self,
        *,
        after: int | str | None = None,
        dispute: str | None = None,
        actor: str | None = None,
        timeout: float | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Yields changes as they are committed, as dicts shaped like :meth:`Engine.changes`'
        (``revision``, ``committed_at``, ``kind``, ``name``, ``record``) plus ``token`` (pass it
        as ``after`` to resume). ``after=None`` starts with the next commit; ``after=N`` replays
        the commits after revision N first. Ends after ``timeout`` seconds when given (no error);
        otherwise runs until the iterator is closed."""
        request = _change.WatchChangesRequest(
            start_token="" if after is None else str(after),
            dispute=_full("disputes", dispute),
            actor=_full("actors", actor),
        )
        stream = self._changes.WatchChanges(request, metadata=self._metadata, timeout=timeout)
        try:
            for c in stream:
                yield _change_dict(c)
        except grpc.RpcError as e:
            if e.code() != grpc.StatusCode.DEADLINE_EXCEEDED:
                raise _error(e, self.address) from None
        finally:
            stream.cancel()

    def changes(
        self,
        *,
        after: int = 0,
        limit: int = 1000,
        dispute: str | None = None,
        actor: str | None = None,
        wait: float | None = None,
    ) -> list[dict[str, Any]]:
        """The change feed after revision ``after``, as :meth:`Engine.changes` (only what bears
        on ``dispute`` and ``actor`` when given): every change committed so far, at most
        ``limit``, read page by page with ``ListChanges``. ``wait`` is deprecated and ignored
        (the feed used to be read from the stream for that many seconds)."""
        if wait is not None:
            warnings.warn(
                "Client.changes(wait=) is ignored: the feed is read in pages up to the head",
                DeprecationWarning,
                stacklevel=2,
            )
        out: list[dict[str, Any]] = []
        request = _change.ListChangesRequest(
            start_token=str(after),
            dispute=_full("disputes", dispute),
            actor=_full("actors", actor),
        )
        while len(out) < limit:
            request.page_size = min(limit - len(out), _MAX_PAGE_SIZE)
            try:
                page = self._changes.ListChanges(request, metadata=self._metadata)
            except grpc.RpcError as e:
                raise _error(e, self.address) from None
            for c in page.changes:
                change = _change_dict(c)
                change.pop("token")
                out.append(change)
            if not page.next_page_token:
                break
            request.page_token = page.next_page_token
        return out[:limit]
