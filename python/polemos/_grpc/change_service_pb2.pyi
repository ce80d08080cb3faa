from google.api import resource_pb2 as _resource_pb2
from polemos._grpc import resources_pb2 as _resources_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ResourceKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RESOURCE_KIND_UNSPECIFIED: _ClassVar[ResourceKind]
    RESOURCE_KIND_ACTOR: _ClassVar[ResourceKind]
    RESOURCE_KIND_DISPUTE: _ClassVar[ResourceKind]
    RESOURCE_KIND_ISSUE: _ClassVar[ResourceKind]
    RESOURCE_KIND_STANCE: _ClassVar[ResourceKind]
    RESOURCE_KIND_EVENT: _ClassVar[ResourceKind]
    RESOURCE_KIND_DOCUMENT: _ClassVar[ResourceKind]

class ChangeType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CHANGE_TYPE_UNSPECIFIED: _ClassVar[ChangeType]
    CHANGE_TYPE_WRITTEN: _ClassVar[ChangeType]
    CHANGE_TYPE_DELETED: _ClassVar[ChangeType]
RESOURCE_KIND_UNSPECIFIED: ResourceKind
RESOURCE_KIND_ACTOR: ResourceKind
RESOURCE_KIND_DISPUTE: ResourceKind
RESOURCE_KIND_ISSUE: ResourceKind
RESOURCE_KIND_STANCE: ResourceKind
RESOURCE_KIND_EVENT: ResourceKind
RESOURCE_KIND_DOCUMENT: ResourceKind
CHANGE_TYPE_UNSPECIFIED: ChangeType
CHANGE_TYPE_WRITTEN: ChangeType
CHANGE_TYPE_DELETED: ChangeType

class WatchChangesRequest(_message.Message):
    __slots__ = ("start_token", "dispute", "actor")
    START_TOKEN_FIELD_NUMBER: _ClassVar[int]
    DISPUTE_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    start_token: str
    dispute: str
    actor: str
    def __init__(self, start_token: _Optional[str] = ..., dispute: _Optional[str] = ..., actor: _Optional[str] = ...) -> None: ...

class ListChangesRequest(_message.Message):
    __slots__ = ("start_token", "page_size", "page_token", "dispute", "actor")
    START_TOKEN_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    DISPUTE_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    start_token: str
    page_size: int
    page_token: str
    dispute: str
    actor: str
    def __init__(self, start_token: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., dispute: _Optional[str] = ..., actor: _Optional[str] = ...) -> None: ...

class ListChangesResponse(_message.Message):
    __slots__ = ("changes", "next_page_token")
    CHANGES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    changes: _containers.RepeatedCompositeFieldContainer[WatchChangesResponse]
    next_page_token: str
    def __init__(self, changes: _Optional[_Iterable[_Union[WatchChangesResponse, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class WatchChangesResponse(_message.Message):
    __slots__ = ("token", "revision", "commit_time", "change_type", "kind", "name", "actor", "dispute", "issue", "stance", "event", "document")
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    COMMIT_TIME_FIELD_NUMBER: _ClassVar[int]
    CHANGE_TYPE_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    DISPUTE_FIELD_NUMBER: _ClassVar[int]
    ISSUE_FIELD_NUMBER: _ClassVar[int]
    STANCE_FIELD_NUMBER: _ClassVar[int]
    EVENT_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    token: str
    revision: int
    commit_time: str
    change_type: ChangeType
    kind: ResourceKind
    name: str
    actor: _resources_pb2.Actor
    dispute: _resources_pb2.Dispute
    issue: _resources_pb2.Issue
    stance: _resources_pb2.Stance
    event: _resources_pb2.Event
    document: _resources_pb2.Document
    def __init__(self, token: _Optional[str] = ..., revision: _Optional[int] = ..., commit_time: _Optional[str] = ..., change_type: _Optional[_Union[ChangeType, str]] = ..., kind: _Optional[_Union[ResourceKind, str]] = ..., name: _Optional[str] = ..., actor: _Optional[_Union[_resources_pb2.Actor, _Mapping]] = ..., dispute: _Optional[_Union[_resources_pb2.Dispute, _Mapping]] = ..., issue: _Optional[_Union[_resources_pb2.Issue, _Mapping]] = ..., stance: _Optional[_Union[_resources_pb2.Stance, _Mapping]] = ..., event: _Optional[_Union[_resources_pb2.Event, _Mapping]] = ..., document: _Optional[_Union[_resources_pb2.Document, _Mapping]] = ...) -> None: ...
