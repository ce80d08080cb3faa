from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.api import resource_pb2 as _resource_pb2
from polemos._grpc import resources_pb2 as _resources_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class IngestOutcome(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    INGEST_OUTCOME_UNSPECIFIED: _ClassVar[IngestOutcome]
    INGEST_OUTCOME_CREATED: _ClassVar[IngestOutcome]
    INGEST_OUTCOME_DUPLICATE: _ClassVar[IngestOutcome]
    INGEST_OUTCOME_FAILED: _ClassVar[IngestOutcome]
INGEST_OUTCOME_UNSPECIFIED: IngestOutcome
INGEST_OUTCOME_CREATED: IngestOutcome
INGEST_OUTCOME_DUPLICATE: IngestOutcome
INGEST_OUTCOME_FAILED: IngestOutcome

class Facts(_message.Message):
    __slots__ = ("actors", "disputes", "issues", "stances", "events", "documents")
    ACTORS_FIELD_NUMBER: _ClassVar[int]
    DISPUTES_FIELD_NUMBER: _ClassVar[int]
    ISSUES_FIELD_NUMBER: _ClassVar[int]
    STANCES_FIELD_NUMBER: _ClassVar[int]
    EVENTS_FIELD_NUMBER: _ClassVar[int]
    DOCUMENTS_FIELD_NUMBER: _ClassVar[int]
    actors: _containers.RepeatedCompositeFieldContainer[_resources_pb2.Actor]
    disputes: _containers.RepeatedCompositeFieldContainer[_resources_pb2.Dispute]
    issues: _containers.RepeatedCompositeFieldContainer[_resources_pb2.Issue]
    stances: _containers.RepeatedCompositeFieldContainer[_resources_pb2.Stance]
    events: _containers.RepeatedCompositeFieldContainer[_resources_pb2.Event]
    documents: _containers.RepeatedCompositeFieldContainer[_resources_pb2.Document]
    def __init__(self, actors: _Optional[_Iterable[_Union[_resources_pb2.Actor, _Mapping]]] = ..., disputes: _Optional[_Iterable[_Union[_resources_pb2.Dispute, _Mapping]]] = ..., issues: _Optional[_Iterable[_Union[_resources_pb2.Issue, _Mapping]]] = ..., stances: _Optional[_Iterable[_Union[_resources_pb2.Stance, _Mapping]]] = ..., events: _Optional[_Iterable[_Union[_resources_pb2.Event, _Mapping]]] = ..., documents: _Optional[_Iterable[_Union[_resources_pb2.Document, _Mapping]]] = ...) -> None: ...

class ExtractRequest(_message.Message):
    __slots__ = ("document",)
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    document: _resources_pb2.Document
    def __init__(self, document: _Optional[_Union[_resources_pb2.Document, _Mapping]] = ...) -> None: ...

class ExtractResponse(_message.Message):
    __slots__ = ("facts",)
    FACTS_FIELD_NUMBER: _ClassVar[int]
    facts: Facts
    def __init__(self, facts: _Optional[_Union[Facts, _Mapping]] = ...) -> None: ...

class IngestRequest(_message.Message):
    __slots__ = ("document", "document_only")
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_ONLY_FIELD_NUMBER: _ClassVar[int]
    document: _resources_pb2.Document
    document_only: bool
    def __init__(self, document: _Optional[_Union[_resources_pb2.Document, _Mapping]] = ..., document_only: bool = ...) -> None: ...

class IngestResponse(_message.Message):
    __slots__ = ("index", "outcome", "document", "content_hash", "stances", "events", "error_code", "error_message", "revision")
    INDEX_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    CONTENT_HASH_FIELD_NUMBER: _ClassVar[int]
    STANCES_FIELD_NUMBER: _ClassVar[int]
    EVENTS_FIELD_NUMBER: _ClassVar[int]
    ERROR_CODE_FIELD_NUMBER: _ClassVar[int]
    ERROR_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    index: int
    outcome: IngestOutcome
    document: str
    content_hash: str
    stances: int
    events: int
    error_code: int
    error_message: str
    revision: int
    def __init__(self, index: _Optional[int] = ..., outcome: _Optional[_Union[IngestOutcome, str]] = ..., document: _Optional[str] = ..., content_hash: _Optional[str] = ..., stances: _Optional[int] = ..., events: _Optional[int] = ..., error_code: _Optional[int] = ..., error_message: _Optional[str] = ..., revision: _Optional[int] = ...) -> None: ...
