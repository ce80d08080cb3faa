from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.api import resource_pb2 as _resource_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ActorKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ACTOR_KIND_UNSPECIFIED: _ClassVar[ActorKind]
    ACTOR_KIND_STATE: _ClassVar[ActorKind]
    ACTOR_KIND_GOVERNMENT_BODY: _ClassVar[ActorKind]
    ACTOR_KIND_INTERNATIONAL_ORGANIZATION: _ClassVar[ActorKind]
    ACTOR_KIND_PERSON: _ClassVar[ActorKind]
    ACTOR_KIND_ARMED_GROUP: _ClassVar[ActorKind]
    ACTOR_KIND_POLITICAL_GROUP: _ClassVar[ActorKind]
    ACTOR_KIND_MEDIA_OUTLET: _ClassVar[ActorKind]

class DisputeKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DISPUTE_KIND_UNSPECIFIED: _ClassVar[DisputeKind]
    DISPUTE_KIND_TERRITORIAL: _ClassVar[DisputeKind]
    DISPUTE_KIND_TREATY: _ClassVar[DisputeKind]
    DISPUTE_KIND_MARITIME: _ClassVar[DisputeKind]
    DISPUTE_KIND_TRADE: _ClassVar[DisputeKind]
    DISPUTE_KIND_NAMING: _ClassVar[DisputeKind]
    DISPUTE_KIND_SANCTIONS: _ClassVar[DisputeKind]
    DISPUTE_KIND_OTHER: _ClassVar[DisputeKind]

class DisputeStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DISPUTE_STATUS_UNSPECIFIED: _ClassVar[DisputeStatus]
    DISPUTE_STATUS_ACTIVE: _ClassVar[DisputeStatus]
    DISPUTE_STATUS_FROZEN: _ClassVar[DisputeStatus]
    DISPUTE_STATUS_RESOLVED: _ClassVar[DisputeStatus]

class StanceLabel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    STANCE_LABEL_UNSPECIFIED: _ClassVar[StanceLabel]
    STANCE_LABEL_SUPPORT: _ClassVar[StanceLabel]
    STANCE_LABEL_OPPOSE: _ClassVar[StanceLabel]
    STANCE_LABEL_NEUTRAL: _ClassVar[StanceLabel]
    STANCE_LABEL_CONDITIONAL: _ClassVar[StanceLabel]
    STANCE_LABEL_AMBIGUOUS: _ClassVar[StanceLabel]

class RequiredOutcome(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    REQUIRED_OUTCOME_UNSPECIFIED: _ClassVar[RequiredOutcome]
    REQUIRED_OUTCOME_RESOLVED: _ClassVar[RequiredOutcome]
    REQUIRED_OUTCOME_ADOPTED: _ClassVar[RequiredOutcome]
    REQUIRED_OUTCOME_REJECTED: _ClassVar[RequiredOutcome]

class PloverType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PLOVER_TYPE_UNSPECIFIED: _ClassVar[PloverType]
    PLOVER_TYPE_AGREE: _ClassVar[PloverType]
    PLOVER_TYPE_CONSULT: _ClassVar[PloverType]
    PLOVER_TYPE_SUPPORT: _ClassVar[PloverType]
    PLOVER_TYPE_CONCEDE: _ClassVar[PloverType]
    PLOVER_TYPE_COOPERATE: _ClassVar[PloverType]
    PLOVER_TYPE_AID: _ClassVar[PloverType]
    PLOVER_TYPE_RETREAT: _ClassVar[PloverType]
    PLOVER_TYPE_REQUEST: _ClassVar[PloverType]
    PLOVER_TYPE_ACCUSE: _ClassVar[PloverType]
    PLOVER_TYPE_REJECT: _ClassVar[PloverType]
    PLOVER_TYPE_THREATEN: _ClassVar[PloverType]
    PLOVER_TYPE_PROTEST: _ClassVar[PloverType]
    PLOVER_TYPE_SANCTION: _ClassVar[PloverType]
    PLOVER_TYPE_MOBILIZE: _ClassVar[PloverType]
    PLOVER_TYPE_COERCE: _ClassVar[PloverType]
    PLOVER_TYPE_ASSAULT: _ClassVar[PloverType]

class QuadClass(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    QUAD_CLASS_UNSPECIFIED: _ClassVar[QuadClass]
    QUAD_CLASS_VERBAL_COOPERATION: _ClassVar[QuadClass]
    QUAD_CLASS_MATERIAL_COOPERATION: _ClassVar[QuadClass]
    QUAD_CLASS_VERBAL_CONFLICT: _ClassVar[QuadClass]
    QUAD_CLASS_MATERIAL_CONFLICT: _ClassVar[QuadClass]

class DatePrecision(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DATE_PRECISION_UNSPECIFIED: _ClassVar[DatePrecision]
    DATE_PRECISION_DAY: _ClassVar[DatePrecision]
    DATE_PRECISION_WEEK: _ClassVar[DatePrecision]
    DATE_PRECISION_MONTH: _ClassVar[DatePrecision]
    DATE_PRECISION_YEAR: _ClassVar[DatePrecision]

class EventStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    EVENT_STATUS_UNSPECIFIED: _ClassVar[EventStatus]
    EVENT_STATUS_PAST: _ClassVar[EventStatus]
    EVENT_STATUS_PLANNED: _ClassVar[EventStatus]
ACTOR_KIND_UNSPECIFIED: ActorKind
ACTOR_KIND_STATE: ActorKind
ACTOR_KIND_GOVERNMENT_BODY: ActorKind
ACTOR_KIND_INTERNATIONAL_ORGANIZATION: ActorKind
ACTOR_KIND_PERSON: ActorKind
ACTOR_KIND_ARMED_GROUP: ActorKind
ACTOR_KIND_POLITICAL_GROUP: ActorKind
ACTOR_KIND_MEDIA_OUTLET: ActorKind
DISPUTE_KIND_UNSPECIFIED: DisputeKind
DISPUTE_KIND_TERRITORIAL: DisputeKind
DISPUTE_KIND_TREATY: DisputeKind
DISPUTE_KIND_MARITIME: DisputeKind
DISPUTE_KIND_TRADE: DisputeKind
DISPUTE_KIND_NAMING: DisputeKind
DISPUTE_KIND_SANCTIONS: DisputeKind
DISPUTE_KIND_OTHER: DisputeKind
DISPUTE_STATUS_UNSPECIFIED: DisputeStatus
DISPUTE_STATUS_ACTIVE: DisputeStatus
DISPUTE_STATUS_FROZEN: DisputeStatus
DISPUTE_STATUS_RESOLVED: DisputeStatus
STANCE_LABEL_UNSPECIFIED: StanceLabel
STANCE_LABEL_SUPPORT: StanceLabel
STANCE_LABEL_OPPOSE: StanceLabel
STANCE_LABEL_NEUTRAL: StanceLabel
STANCE_LABEL_CONDITIONAL: StanceLabel
STANCE_LABEL_AMBIGUOUS: StanceLabel
REQUIRED_OUTCOME_UNSPECIFIED: RequiredOutcome
REQUIRED_OUTCOME_RESOLVED: RequiredOutcome
REQUIRED_OUTCOME_ADOPTED: RequiredOutcome
REQUIRED_OUTCOME_REJECTED: RequiredOutcome
PLOVER_TYPE_UNSPECIFIED: PloverType
PLOVER_TYPE_AGREE: PloverType
PLOVER_TYPE_CONSULT: PloverType
PLOVER_TYPE_SUPPORT: PloverType
PLOVER_TYPE_CONCEDE: PloverType
PLOVER_TYPE_COOPERATE: PloverType
PLOVER_TYPE_AID: PloverType
PLOVER_TYPE_RETREAT: PloverType
PLOVER_TYPE_REQUEST: PloverType
PLOVER_TYPE_ACCUSE: PloverType
PLOVER_TYPE_REJECT: PloverType
PLOVER_TYPE_THREATEN: PloverType
PLOVER_TYPE_PROTEST: PloverType
PLOVER_TYPE_SANCTION: PloverType
PLOVER_TYPE_MOBILIZE: PloverType
PLOVER_TYPE_COERCE: PloverType
PLOVER_TYPE_ASSAULT: PloverType
QUAD_CLASS_UNSPECIFIED: QuadClass
QUAD_CLASS_VERBAL_COOPERATION: QuadClass
QUAD_CLASS_MATERIAL_COOPERATION: QuadClass
QUAD_CLASS_VERBAL_CONFLICT: QuadClass
QUAD_CLASS_MATERIAL_CONFLICT: QuadClass
DATE_PRECISION_UNSPECIFIED: DatePrecision
DATE_PRECISION_DAY: DatePrecision
DATE_PRECISION_WEEK: DatePrecision
DATE_PRECISION_MONTH: DatePrecision
DATE_PRECISION_YEAR: DatePrecision
EVENT_STATUS_UNSPECIFIED: EventStatus
EVENT_STATUS_PAST: EventStatus
EVENT_STATUS_PLANNED: EventStatus

class ActorCodes(_message.Message):
    __slots__ = ("iso3", "cameo", "plover")
    ISO3_FIELD_NUMBER: _ClassVar[int]
    CAMEO_FIELD_NUMBER: _ClassVar[int]
    PLOVER_FIELD_NUMBER: _ClassVar[int]
    iso3: str
    cameo: str
    plover: str
    def __init__(self, iso3: _Optional[str] = ..., cameo: _Optional[str] = ..., plover: _Optional[str] = ...) -> None: ...

class Affiliation(_message.Message):
    __slots__ = ("actor", "role", "to")
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    FROM_FIELD_NUMBER: _ClassVar[int]
    TO_FIELD_NUMBER: _ClassVar[int]
    actor: str
    role: str
    to: str
    def __init__(self, actor: _Optional[str] = ..., role: _Optional[str] = ..., to: _Optional[str] = ..., **kwargs) -> None: ...

class Actor(_message.Message):
    __slots__ = ("name", "kind", "display_name", "codes", "aliases", "affiliations", "etag")
    NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    CODES_FIELD_NUMBER: _ClassVar[int]
    ALIASES_FIELD_NUMBER: _ClassVar[int]
    AFFILIATIONS_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    name: str
    kind: ActorKind
    display_name: str
    codes: ActorCodes
    aliases: _containers.RepeatedScalarFieldContainer[str]
    affiliations: _containers.RepeatedCompositeFieldContainer[Affiliation]
    etag: str
    def __init__(self, name: _Optional[str] = ..., kind: _Optional[_Union[ActorKind, str]] = ..., display_name: _Optional[str] = ..., codes: _Optional[_Union[ActorCodes, _Mapping]] = ..., aliases: _Optional[_Iterable[str]] = ..., affiliations: _Optional[_Iterable[_Union[Affiliation, _Mapping]]] = ..., etag: _Optional[str] = ...) -> None: ...

class Party(_message.Message):
    __slots__ = ("actor", "capability")
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    CAPABILITY_FIELD_NUMBER: _ClassVar[int]
    actor: str
    capability: float
    def __init__(self, actor: _Optional[str] = ..., capability: _Optional[float] = ...) -> None: ...

class ObjectName(_message.Message):
    __slots__ = ("label", "used_by")
    LABEL_FIELD_NUMBER: _ClassVar[int]
    USED_BY_FIELD_NUMBER: _ClassVar[int]
    label: str
    used_by: str
    def __init__(self, label: _Optional[str] = ..., used_by: _Optional[str] = ...) -> None: ...

class DisputedObject(_message.Message):
    __slots__ = ("id", "names", "parts")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAMES_FIELD_NUMBER: _ClassVar[int]
    PARTS_FIELD_NUMBER: _ClassVar[int]
    id: str
    names: _containers.RepeatedCompositeFieldContainer[ObjectName]
    parts: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., names: _Optional[_Iterable[_Union[ObjectName, _Mapping]]] = ..., parts: _Optional[_Iterable[str]] = ...) -> None: ...

class StatusChange(_message.Message):
    __slots__ = ("status", "since")
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SINCE_FIELD_NUMBER: _ClassVar[int]
    status: DisputeStatus
    since: str
    def __init__(self, status: _Optional[_Union[DisputeStatus, str]] = ..., since: _Optional[str] = ...) -> None: ...

class Dispute(_message.Message):
    __slots__ = ("name", "title", "kind", "parties", "objects", "status", "etag", "proposed")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PARTIES_FIELD_NUMBER: _ClassVar[int]
    OBJECTS_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    PROPOSED_FIELD_NUMBER: _ClassVar[int]
    name: str
    title: str
    kind: DisputeKind
    parties: _containers.RepeatedCompositeFieldContainer[Party]
    objects: _containers.RepeatedCompositeFieldContainer[DisputedObject]
    status: _containers.RepeatedCompositeFieldContainer[StatusChange]
    etag: str
    proposed: bool
    def __init__(self, name: _Optional[str] = ..., title: _Optional[str] = ..., kind: _Optional[_Union[DisputeKind, str]] = ..., parties: _Optional[_Iterable[_Union[Party, _Mapping]]] = ..., objects: _Optional[_Iterable[_Union[DisputedObject, _Mapping]]] = ..., status: _Optional[_Iterable[_Union[StatusChange, _Mapping]]] = ..., etag: _Optional[str] = ..., proposed: bool = ...) -> None: ...

class Anchor(_message.Message):
    __slots__ = ("position", "label")
    POSITION_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    position: float
    label: str
    def __init__(self, position: _Optional[float] = ..., label: _Optional[str] = ...) -> None: ...

class BinaryScale(_message.Message):
    __slots__ = ("proposal",)
    PROPOSAL_FIELD_NUMBER: _ClassVar[int]
    proposal: str
    def __init__(self, proposal: _Optional[str] = ...) -> None: ...

class ContinuousScale(_message.Message):
    __slots__ = ("anchors",)
    ANCHORS_FIELD_NUMBER: _ClassVar[int]
    anchors: _containers.RepeatedCompositeFieldContainer[Anchor]
    def __init__(self, anchors: _Optional[_Iterable[_Union[Anchor, _Mapping]]] = ...) -> None: ...

class IssueScale(_message.Message):
    __slots__ = ("binary", "continuous")
    BINARY_FIELD_NUMBER: _ClassVar[int]
    CONTINUOUS_FIELD_NUMBER: _ClassVar[int]
    binary: BinaryScale
    continuous: ContinuousScale
    def __init__(self, binary: _Optional[_Union[BinaryScale, _Mapping]] = ..., continuous: _Optional[_Union[ContinuousScale, _Mapping]] = ...) -> None: ...

class Issue(_message.Message):
    __slots__ = ("name", "title", "description", "scale", "etag", "proposed")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    SCALE_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    PROPOSED_FIELD_NUMBER: _ClassVar[int]
    name: str
    title: str
    description: str
    scale: IssueScale
    etag: str
    proposed: bool
    def __init__(self, name: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., scale: _Optional[_Union[IssueScale, _Mapping]] = ..., etag: _Optional[str] = ..., proposed: bool = ...) -> None: ...

class Span(_message.Message):
    __slots__ = ("start", "end")
    START_FIELD_NUMBER: _ClassVar[int]
    END_FIELD_NUMBER: _ClassVar[int]
    start: int
    end: int
    def __init__(self, start: _Optional[int] = ..., end: _Optional[int] = ...) -> None: ...

class Evidence(_message.Message):
    __slots__ = ("document", "span", "quote", "speaker", "reported_by")
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    SPAN_FIELD_NUMBER: _ClassVar[int]
    QUOTE_FIELD_NUMBER: _ClassVar[int]
    SPEAKER_FIELD_NUMBER: _ClassVar[int]
    REPORTED_BY_FIELD_NUMBER: _ClassVar[int]
    document: str
    span: Span
    quote: str
    speaker: str
    reported_by: str
    def __init__(self, document: _Optional[str] = ..., span: _Optional[_Union[Span, _Mapping]] = ..., quote: _Optional[str] = ..., speaker: _Optional[str] = ..., reported_by: _Optional[str] = ...) -> None: ...

class Condition(_message.Message):
    __slots__ = ("issue", "required", "min_position", "max_position", "text")
    ISSUE_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_FIELD_NUMBER: _ClassVar[int]
    MIN_POSITION_FIELD_NUMBER: _ClassVar[int]
    MAX_POSITION_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    issue: str
    required: RequiredOutcome
    min_position: float
    max_position: float
    text: str
    def __init__(self, issue: _Optional[str] = ..., required: _Optional[_Union[RequiredOutcome, str]] = ..., min_position: _Optional[float] = ..., max_position: _Optional[float] = ..., text: _Optional[str] = ...) -> None: ...

class Stance(_message.Message):
    __slots__ = ("name", "actor", "issue", "position", "salience", "confidence", "label", "conditions", "valid_from", "valid_to", "evidence", "etag")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    ISSUE_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    SALIENCE_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    CONDITIONS_FIELD_NUMBER: _ClassVar[int]
    VALID_FROM_FIELD_NUMBER: _ClassVar[int]
    VALID_TO_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    name: str
    actor: str
    issue: str
    position: float
    salience: float
    confidence: float
    label: StanceLabel
    conditions: _containers.RepeatedCompositeFieldContainer[Condition]
    valid_from: str
    valid_to: str
    evidence: _containers.RepeatedCompositeFieldContainer[Evidence]
    etag: str
    def __init__(self, name: _Optional[str] = ..., actor: _Optional[str] = ..., issue: _Optional[str] = ..., position: _Optional[float] = ..., salience: _Optional[float] = ..., confidence: _Optional[float] = ..., label: _Optional[_Union[StanceLabel, str]] = ..., conditions: _Optional[_Iterable[_Union[Condition, _Mapping]]] = ..., valid_from: _Optional[str] = ..., valid_to: _Optional[str] = ..., evidence: _Optional[_Iterable[_Union[Evidence, _Mapping]]] = ..., etag: _Optional[str] = ...) -> None: ...

class FuzzyDate(_message.Message):
    __slots__ = ("date", "precision")
    DATE_FIELD_NUMBER: _ClassVar[int]
    PRECISION_FIELD_NUMBER: _ClassVar[int]
    date: str
    precision: DatePrecision
    def __init__(self, date: _Optional[str] = ..., precision: _Optional[_Union[DatePrecision, str]] = ...) -> None: ...

class Event(_message.Message):
    __slots__ = ("name", "date", "status", "event_type", "mode", "contexts", "cameo", "intensity", "sources", "targets", "location", "issues", "evidence", "quad_class", "etag")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DATE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    EVENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    CONTEXTS_FIELD_NUMBER: _ClassVar[int]
    CAMEO_FIELD_NUMBER: _ClassVar[int]
    INTENSITY_FIELD_NUMBER: _ClassVar[int]
    SOURCES_FIELD_NUMBER: _ClassVar[int]
    TARGETS_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    ISSUES_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    QUAD_CLASS_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    name: str
    date: FuzzyDate
    status: EventStatus
    event_type: PloverType
    mode: str
    contexts: _containers.RepeatedScalarFieldContainer[str]
    cameo: str
    intensity: float
    sources: _containers.RepeatedScalarFieldContainer[str]
    targets: _containers.RepeatedScalarFieldContainer[str]
    location: str
    issues: _containers.RepeatedScalarFieldContainer[str]
    evidence: _containers.RepeatedCompositeFieldContainer[Evidence]
    quad_class: QuadClass
    etag: str
    def __init__(self, name: _Optional[str] = ..., date: _Optional[_Union[FuzzyDate, _Mapping]] = ..., status: _Optional[_Union[EventStatus, str]] = ..., event_type: _Optional[_Union[PloverType, str]] = ..., mode: _Optional[str] = ..., contexts: _Optional[_Iterable[str]] = ..., cameo: _Optional[str] = ..., intensity: _Optional[float] = ..., sources: _Optional[_Iterable[str]] = ..., targets: _Optional[_Iterable[str]] = ..., location: _Optional[str] = ..., issues: _Optional[_Iterable[str]] = ..., evidence: _Optional[_Iterable[_Union[Evidence, _Mapping]]] = ..., quad_class: _Optional[_Union[QuadClass, str]] = ..., etag: _Optional[str] = ...) -> None: ...

class Document(_message.Message):
    __slots__ = ("name", "title", "outlet", "url", "published", "language", "text", "content_hash", "etag")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    OUTLET_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    CONTENT_HASH_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    name: str
    title: str
    outlet: str
    url: str
    published: str
    language: str
    text: str
    content_hash: str
    etag: str
    def __init__(self, name: _Optional[str] = ..., title: _Optional[str] = ..., outlet: _Optional[str] = ..., url: _Optional[str] = ..., published: _Optional[str] = ..., language: _Optional[str] = ..., text: _Optional[str] = ..., content_hash: _Optional[str] = ..., etag: _Optional[str] = ...) -> None: ...
