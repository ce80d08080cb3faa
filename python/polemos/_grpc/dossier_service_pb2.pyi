from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.api import resource_pb2 as _resource_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from polemos._grpc import resources_pb2 as _resources_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetActorRequest(_message.Message):
    __slots__ = ("name", "revision")
    NAME_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    name: str
    revision: int
    def __init__(self, name: _Optional[str] = ..., revision: _Optional[int] = ...) -> None: ...

class GetActorResponse(_message.Message):
    __slots__ = ("actor",)
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    actor: _resources_pb2.Actor
    def __init__(self, actor: _Optional[_Union[_resources_pb2.Actor, _Mapping]] = ...) -> None: ...

class ListActorsRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "dispute", "as_of", "revision")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    DISPUTE_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    dispute: str
    as_of: str
    revision: int
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., dispute: _Optional[str] = ..., as_of: _Optional[str] = ..., revision: _Optional[int] = ...) -> None: ...

class ListActorsResponse(_message.Message):
    __slots__ = ("actors", "next_page_token")
    ACTORS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    actors: _containers.RepeatedCompositeFieldContainer[_resources_pb2.Actor]
    next_page_token: str
    def __init__(self, actors: _Optional[_Iterable[_Union[_resources_pb2.Actor, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class CreateActorRequest(_message.Message):
    __slots__ = ("actor", "actor_id", "request_id")
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    actor: _resources_pb2.Actor
    actor_id: str
    request_id: str
    def __init__(self, actor: _Optional[_Union[_resources_pb2.Actor, _Mapping]] = ..., actor_id: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class CreateActorResponse(_message.Message):
    __slots__ = ("actor",)
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    actor: _resources_pb2.Actor
    def __init__(self, actor: _Optional[_Union[_resources_pb2.Actor, _Mapping]] = ...) -> None: ...

class UpdateActorRequest(_message.Message):
    __slots__ = ("actor", "update_mask")
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    actor: _resources_pb2.Actor
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, actor: _Optional[_Union[_resources_pb2.Actor, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateActorResponse(_message.Message):
    __slots__ = ("actor",)
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    actor: _resources_pb2.Actor
    def __init__(self, actor: _Optional[_Union[_resources_pb2.Actor, _Mapping]] = ...) -> None: ...

class DeleteActorRequest(_message.Message):
    __slots__ = ("name", "etag")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ...) -> None: ...

class DeleteActorResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetDisputeRequest(_message.Message):
    __slots__ = ("name", "revision")
    NAME_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    name: str
    revision: int
    def __init__(self, name: _Optional[str] = ..., revision: _Optional[int] = ...) -> None: ...

class GetDisputeResponse(_message.Message):
    __slots__ = ("dispute",)
    DISPUTE_FIELD_NUMBER: _ClassVar[int]
    dispute: _resources_pb2.Dispute
    def __init__(self, dispute: _Optional[_Union[_resources_pb2.Dispute, _Mapping]] = ...) -> None: ...

class ListDisputesRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "actor", "as_of", "revision")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    actor: str
    as_of: str
    revision: int
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., actor: _Optional[str] = ..., as_of: _Optional[str] = ..., revision: _Optional[int] = ...) -> None: ...

class ListDisputesResponse(_message.Message):
    __slots__ = ("disputes", "next_page_token")
    DISPUTES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    disputes: _containers.RepeatedCompositeFieldContainer[_resources_pb2.Dispute]
    next_page_token: str
    def __init__(self, disputes: _Optional[_Iterable[_Union[_resources_pb2.Dispute, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class CreateDisputeRequest(_message.Message):
    __slots__ = ("dispute", "dispute_id", "request_id")
    DISPUTE_FIELD_NUMBER: _ClassVar[int]
    DISPUTE_ID_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    dispute: _resources_pb2.Dispute
    dispute_id: str
    request_id: str
    def __init__(self, dispute: _Optional[_Union[_resources_pb2.Dispute, _Mapping]] = ..., dispute_id: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class CreateDisputeResponse(_message.Message):
    __slots__ = ("dispute",)
    DISPUTE_FIELD_NUMBER: _ClassVar[int]
    dispute: _resources_pb2.Dispute
    def __init__(self, dispute: _Optional[_Union[_resources_pb2.Dispute, _Mapping]] = ...) -> None: ...

class UpdateDisputeRequest(_message.Message):
    __slots__ = ("dispute", "update_mask")
    DISPUTE_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    dispute: _resources_pb2.Dispute
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, dispute: _Optional[_Union[_resources_pb2.Dispute, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateDisputeResponse(_message.Message):
    __slots__ = ("dispute",)
    DISPUTE_FIELD_NUMBER: _ClassVar[int]
    dispute: _resources_pb2.Dispute
    def __init__(self, dispute: _Optional[_Union[_resources_pb2.Dispute, _Mapping]] = ...) -> None: ...

class DeleteDisputeRequest(_message.Message):
    __slots__ = ("name", "etag")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ...) -> None: ...

class DeleteDisputeResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetIssueRequest(_message.Message):
    __slots__ = ("name", "revision")
    NAME_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    name: str
    revision: int
    def __init__(self, name: _Optional[str] = ..., revision: _Optional[int] = ...) -> None: ...

class GetIssueResponse(_message.Message):
    __slots__ = ("issue",)
    ISSUE_FIELD_NUMBER: _ClassVar[int]
    issue: _resources_pb2.Issue
    def __init__(self, issue: _Optional[_Union[_resources_pb2.Issue, _Mapping]] = ...) -> None: ...

class ListIssuesRequest(_message.Message):
    __slots__ = ("parent", "page_size", "page_token", "as_of", "revision")
    PARENT_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    parent: str
    page_size: int
    page_token: str
    as_of: str
    revision: int
    def __init__(self, parent: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., as_of: _Optional[str] = ..., revision: _Optional[int] = ...) -> None: ...

class ListIssuesResponse(_message.Message):
    __slots__ = ("issues", "next_page_token")
    ISSUES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    issues: _containers.RepeatedCompositeFieldContainer[_resources_pb2.Issue]
    next_page_token: str
    def __init__(self, issues: _Optional[_Iterable[_Union[_resources_pb2.Issue, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class CreateIssueRequest(_message.Message):
    __slots__ = ("parent", "issue", "issue_id", "request_id")
    PARENT_FIELD_NUMBER: _ClassVar[int]
    ISSUE_FIELD_NUMBER: _ClassVar[int]
    ISSUE_ID_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    parent: str
    issue: _resources_pb2.Issue
    issue_id: str
    request_id: str
    def __init__(self, parent: _Optional[str] = ..., issue: _Optional[_Union[_resources_pb2.Issue, _Mapping]] = ..., issue_id: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class CreateIssueResponse(_message.Message):
    __slots__ = ("issue",)
    ISSUE_FIELD_NUMBER: _ClassVar[int]
    issue: _resources_pb2.Issue
    def __init__(self, issue: _Optional[_Union[_resources_pb2.Issue, _Mapping]] = ...) -> None: ...

class UpdateIssueRequest(_message.Message):
    __slots__ = ("issue", "update_mask")
    ISSUE_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    issue: _resources_pb2.Issue
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, issue: _Optional[_Union[_resources_pb2.Issue, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateIssueResponse(_message.Message):
    __slots__ = ("issue",)
    ISSUE_FIELD_NUMBER: _ClassVar[int]
    issue: _resources_pb2.Issue
    def __init__(self, issue: _Optional[_Union[_resources_pb2.Issue, _Mapping]] = ...) -> None: ...

class DeleteIssueRequest(_message.Message):
    __slots__ = ("name", "etag")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ...) -> None: ...

class DeleteIssueResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetStanceRequest(_message.Message):
    __slots__ = ("name", "revision")
    NAME_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    name: str
    revision: int
    def __init__(self, name: _Optional[str] = ..., revision: _Optional[int] = ...) -> None: ...

class GetStanceResponse(_message.Message):
    __slots__ = ("stance",)
    STANCE_FIELD_NUMBER: _ClassVar[int]
    stance: _resources_pb2.Stance
    def __init__(self, stance: _Optional[_Union[_resources_pb2.Stance, _Mapping]] = ...) -> None: ...

class ListStancesRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "dispute", "actor", "issue", "as_of", "revision")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    DISPUTE_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    ISSUE_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    dispute: str
    actor: str
    issue: str
    as_of: str
    revision: int
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., dispute: _Optional[str] = ..., actor: _Optional[str] = ..., issue: _Optional[str] = ..., as_of: _Optional[str] = ..., revision: _Optional[int] = ...) -> None: ...

class ListStancesResponse(_message.Message):
    __slots__ = ("stances", "next_page_token")
    STANCES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    stances: _containers.RepeatedCompositeFieldContainer[_resources_pb2.Stance]
    next_page_token: str
    def __init__(self, stances: _Optional[_Iterable[_Union[_resources_pb2.Stance, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class CreateStanceRequest(_message.Message):
    __slots__ = ("stance", "stance_id", "request_id")
    STANCE_FIELD_NUMBER: _ClassVar[int]
    STANCE_ID_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    stance: _resources_pb2.Stance
    stance_id: str
    request_id: str
    def __init__(self, stance: _Optional[_Union[_resources_pb2.Stance, _Mapping]] = ..., stance_id: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class CreateStanceResponse(_message.Message):
    __slots__ = ("stance",)
    STANCE_FIELD_NUMBER: _ClassVar[int]
    stance: _resources_pb2.Stance
    def __init__(self, stance: _Optional[_Union[_resources_pb2.Stance, _Mapping]] = ...) -> None: ...

class UpdateStanceRequest(_message.Message):
    __slots__ = ("stance", "update_mask")
    STANCE_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    stance: _resources_pb2.Stance
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, stance: _Optional[_Union[_resources_pb2.Stance, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateStanceResponse(_message.Message):
    __slots__ = ("stance",)
    STANCE_FIELD_NUMBER: _ClassVar[int]
    stance: _resources_pb2.Stance
    def __init__(self, stance: _Optional[_Union[_resources_pb2.Stance, _Mapping]] = ...) -> None: ...

class DeleteStanceRequest(_message.Message):
    __slots__ = ("name", "etag")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ...) -> None: ...

class DeleteStanceResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetEventRequest(_message.Message):
    __slots__ = ("name", "revision")
    NAME_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    name: str
    revision: int
    def __init__(self, name: _Optional[str] = ..., revision: _Optional[int] = ...) -> None: ...

class GetEventResponse(_message.Message):
    __slots__ = ("event",)
    EVENT_FIELD_NUMBER: _ClassVar[int]
    event: _resources_pb2.Event
    def __init__(self, event: _Optional[_Union[_resources_pb2.Event, _Mapping]] = ...) -> None: ...

class ListEventsRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "dispute", "actor", "issue", "as_of", "revision")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    DISPUTE_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    ISSUE_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    dispute: str
    actor: str
    issue: str
    as_of: str
    revision: int
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., dispute: _Optional[str] = ..., actor: _Optional[str] = ..., issue: _Optional[str] = ..., as_of: _Optional[str] = ..., revision: _Optional[int] = ...) -> None: ...

class ListEventsResponse(_message.Message):
    __slots__ = ("events", "next_page_token")
    EVENTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    events: _containers.RepeatedCompositeFieldContainer[_resources_pb2.Event]
    next_page_token: str
    def __init__(self, events: _Optional[_Iterable[_Union[_resources_pb2.Event, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class CreateEventRequest(_message.Message):
    __slots__ = ("event", "event_id", "request_id")
    EVENT_FIELD_NUMBER: _ClassVar[int]
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    event: _resources_pb2.Event
    event_id: str
    request_id: str
    def __init__(self, event: _Optional[_Union[_resources_pb2.Event, _Mapping]] = ..., event_id: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class CreateEventResponse(_message.Message):
    __slots__ = ("event",)
    EVENT_FIELD_NUMBER: _ClassVar[int]
    event: _resources_pb2.Event
    def __init__(self, event: _Optional[_Union[_resources_pb2.Event, _Mapping]] = ...) -> None: ...

class UpdateEventRequest(_message.Message):
    __slots__ = ("event", "update_mask")
    EVENT_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    event: _resources_pb2.Event
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, event: _Optional[_Union[_resources_pb2.Event, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateEventResponse(_message.Message):
    __slots__ = ("event",)
    EVENT_FIELD_NUMBER: _ClassVar[int]
    event: _resources_pb2.Event
    def __init__(self, event: _Optional[_Union[_resources_pb2.Event, _Mapping]] = ...) -> None: ...

class DeleteEventRequest(_message.Message):
    __slots__ = ("name", "etag")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ...) -> None: ...

class DeleteEventResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetDocumentRequest(_message.Message):
    __slots__ = ("name", "revision")
    NAME_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    name: str
    revision: int
    def __init__(self, name: _Optional[str] = ..., revision: _Optional[int] = ...) -> None: ...

class GetDocumentResponse(_message.Message):
    __slots__ = ("document",)
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    document: _resources_pb2.Document
    def __init__(self, document: _Optional[_Union[_resources_pb2.Document, _Mapping]] = ...) -> None: ...

class ListDocumentsRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "dispute", "as_of", "revision")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    DISPUTE_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    dispute: str
    as_of: str
    revision: int
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., dispute: _Optional[str] = ..., as_of: _Optional[str] = ..., revision: _Optional[int] = ...) -> None: ...

class ListDocumentsResponse(_message.Message):
    __slots__ = ("documents", "next_page_token")
    DOCUMENTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    documents: _containers.RepeatedCompositeFieldContainer[_resources_pb2.Document]
    next_page_token: str
    def __init__(self, documents: _Optional[_Iterable[_Union[_resources_pb2.Document, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class CreateDocumentRequest(_message.Message):
    __slots__ = ("document", "document_id", "request_id")
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_ID_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    document: _resources_pb2.Document
    document_id: str
    request_id: str
    def __init__(self, document: _Optional[_Union[_resources_pb2.Document, _Mapping]] = ..., document_id: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class CreateDocumentResponse(_message.Message):
    __slots__ = ("document",)
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    document: _resources_pb2.Document
    def __init__(self, document: _Optional[_Union[_resources_pb2.Document, _Mapping]] = ...) -> None: ...

class UpdateDocumentRequest(_message.Message):
    __slots__ = ("document", "update_mask")
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    document: _resources_pb2.Document
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, document: _Optional[_Union[_resources_pb2.Document, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateDocumentResponse(_message.Message):
    __slots__ = ("document",)
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    document: _resources_pb2.Document
    def __init__(self, document: _Optional[_Union[_resources_pb2.Document, _Mapping]] = ...) -> None: ...

class DeleteDocumentRequest(_message.Message):
    __slots__ = ("name", "etag")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ...) -> None: ...

class DeleteDocumentResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
