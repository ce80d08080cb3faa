from polemos._grpc import resources_pb2 as _resources_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ImportDossierRequest(_message.Message):
    __slots__ = ("actors", "disputes", "issues", "stances", "events", "documents", "dossier_json", "validate_only", "message")
    ACTORS_FIELD_NUMBER: _ClassVar[int]
    DISPUTES_FIELD_NUMBER: _ClassVar[int]
    ISSUES_FIELD_NUMBER: _ClassVar[int]
    STANCES_FIELD_NUMBER: _ClassVar[int]
    EVENTS_FIELD_NUMBER: _ClassVar[int]
    DOCUMENTS_FIELD_NUMBER: _ClassVar[int]
    DOSSIER_JSON_FIELD_NUMBER: _ClassVar[int]
    VALIDATE_ONLY_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    actors: _containers.RepeatedCompositeFieldContainer[_resources_pb2.Actor]
    disputes: _containers.RepeatedCompositeFieldContainer[_resources_pb2.Dispute]
    issues: _containers.RepeatedCompositeFieldContainer[_resources_pb2.Issue]
    stances: _containers.RepeatedCompositeFieldContainer[_resources_pb2.Stance]
    events: _containers.RepeatedCompositeFieldContainer[_resources_pb2.Event]
    documents: _containers.RepeatedCompositeFieldContainer[_resources_pb2.Document]
    dossier_json: str
    validate_only: bool
    message: str
    def __init__(self, actors: _Optional[_Iterable[_Union[_resources_pb2.Actor, _Mapping]]] = ..., disputes: _Optional[_Iterable[_Union[_resources_pb2.Dispute, _Mapping]]] = ..., issues: _Optional[_Iterable[_Union[_resources_pb2.Issue, _Mapping]]] = ..., stances: _Optional[_Iterable[_Union[_resources_pb2.Stance, _Mapping]]] = ..., events: _Optional[_Iterable[_Union[_resources_pb2.Event, _Mapping]]] = ..., documents: _Optional[_Iterable[_Union[_resources_pb2.Document, _Mapping]]] = ..., dossier_json: _Optional[str] = ..., validate_only: bool = ..., message: _Optional[str] = ...) -> None: ...

class ImportDossierResponse(_message.Message):
    __slots__ = ("revision", "created", "updated", "unchanged")
    REVISION_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    UPDATED_FIELD_NUMBER: _ClassVar[int]
    UNCHANGED_FIELD_NUMBER: _ClassVar[int]
    revision: int
    created: int
    updated: int
    unchanged: int
    def __init__(self, revision: _Optional[int] = ..., created: _Optional[int] = ..., updated: _Optional[int] = ..., unchanged: _Optional[int] = ...) -> None: ...
