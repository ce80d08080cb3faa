from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.api import resource_pb2 as _resource_pb2
from polemos._grpc import resources_pb2 as _resources_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CurationResult(_message.Message):
    __slots__ = ("dispute", "issues", "stances", "events", "revision")
    DISPUTE_FIELD_NUMBER: _ClassVar[int]
    ISSUES_FIELD_NUMBER: _ClassVar[int]
    STANCES_FIELD_NUMBER: _ClassVar[int]
    EVENTS_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    dispute: _resources_pb2.Dispute
    issues: _containers.RepeatedScalarFieldContainer[str]
    stances: int
    events: int
    revision: int
    def __init__(self, dispute: _Optional[_Union[_resources_pb2.Dispute, _Mapping]] = ..., issues: _Optional[_Iterable[str]] = ..., stances: _Optional[int] = ..., events: _Optional[int] = ..., revision: _Optional[int] = ...) -> None: ...

class AcceptDisputeRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class AcceptDisputeResponse(_message.Message):
    __slots__ = ("result",)
    RESULT_FIELD_NUMBER: _ClassVar[int]
    result: CurationResult
    def __init__(self, result: _Optional[_Union[CurationResult, _Mapping]] = ...) -> None: ...

class RenameDisputeRequest(_message.Message):
    __slots__ = ("name", "new_name", "title")
    NAME_FIELD_NUMBER: _ClassVar[int]
    NEW_NAME_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    name: str
    new_name: str
    title: str
    def __init__(self, name: _Optional[str] = ..., new_name: _Optional[str] = ..., title: _Optional[str] = ...) -> None: ...

class RenameDisputeResponse(_message.Message):
    __slots__ = ("result",)
    RESULT_FIELD_NUMBER: _ClassVar[int]
    result: CurationResult
    def __init__(self, result: _Optional[_Union[CurationResult, _Mapping]] = ...) -> None: ...

class MergeDisputeRequest(_message.Message):
    __slots__ = ("name", "into")
    NAME_FIELD_NUMBER: _ClassVar[int]
    INTO_FIELD_NUMBER: _ClassVar[int]
    name: str
    into: str
    def __init__(self, name: _Optional[str] = ..., into: _Optional[str] = ...) -> None: ...

class MergeDisputeResponse(_message.Message):
    __slots__ = ("result",)
    RESULT_FIELD_NUMBER: _ClassVar[int]
    result: CurationResult
    def __init__(self, result: _Optional[_Union[CurationResult, _Mapping]] = ...) -> None: ...
