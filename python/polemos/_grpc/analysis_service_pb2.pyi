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

class ReportFormat(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    REPORT_FORMAT_UNSPECIFIED: _ClassVar[ReportFormat]
    REPORT_FORMAT_MARKDOWN: _ClassVar[ReportFormat]
    REPORT_FORMAT_HTML: _ClassVar[ReportFormat]
    REPORT_FORMAT_JSON: _ClassVar[ReportFormat]

class ForecastModel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    FORECAST_MODEL_UNSPECIFIED: _ClassVar[ForecastModel]
    FORECAST_MODEL_MEDIAN: _ClassVar[ForecastModel]
    FORECAST_MODEL_COMPROMISE: _ClassVar[ForecastModel]
    FORECAST_MODEL_BDM: _ClassVar[ForecastModel]
    FORECAST_MODEL_SMP: _ClassVar[ForecastModel]

class ShiftKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SHIFT_KIND_UNSPECIFIED: _ClassVar[ShiftKind]
    SHIFT_KIND_LABEL: _ClassVar[ShiftKind]
    SHIFT_KIND_POSITION: _ClassVar[ShiftKind]
    SHIFT_KIND_LABEL_AND_POSITION: _ClassVar[ShiftKind]

class DeadlockKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DEADLOCK_KIND_UNSPECIFIED: _ClassVar[DeadlockKind]
    DEADLOCK_KIND_BETWEEN_ACTORS: _ClassVar[DeadlockKind]
    DEADLOCK_KIND_SELF_CONTRADICTION: _ClassVar[DeadlockKind]

class SeriesGranularity(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SERIES_GRANULARITY_UNSPECIFIED: _ClassVar[SeriesGranularity]
    SERIES_GRANULARITY_DAY: _ClassVar[SeriesGranularity]
    SERIES_GRANULARITY_WEEK: _ClassVar[SeriesGranularity]
    SERIES_GRANULARITY_MONTH: _ClassVar[SeriesGranularity]
REPORT_FORMAT_UNSPECIFIED: ReportFormat
REPORT_FORMAT_MARKDOWN: ReportFormat
REPORT_FORMAT_HTML: ReportFormat
REPORT_FORMAT_JSON: ReportFormat
FORECAST_MODEL_UNSPECIFIED: ForecastModel
FORECAST_MODEL_MEDIAN: ForecastModel
FORECAST_MODEL_COMPROMISE: ForecastModel
FORECAST_MODEL_BDM: ForecastModel
FORECAST_MODEL_SMP: ForecastModel
SHIFT_KIND_UNSPECIFIED: ShiftKind
SHIFT_KIND_LABEL: ShiftKind
SHIFT_KIND_POSITION: ShiftKind
SHIFT_KIND_LABEL_AND_POSITION: ShiftKind
DEADLOCK_KIND_UNSPECIFIED: DeadlockKind
DEADLOCK_KIND_BETWEEN_ACTORS: DeadlockKind
DEADLOCK_KIND_SELF_CONTRADICTION: DeadlockKind
SERIES_GRANULARITY_UNSPECIFIED: SeriesGranularity
SERIES_GRANULARITY_DAY: SeriesGranularity
SERIES_GRANULARITY_WEEK: SeriesGranularity
SERIES_GRANULARITY_MONTH: SeriesGranularity

class GetDisputeReportRequest(_message.Message):
    __slots__ = ("dispute", "as_of", "format", "revision")
    DISPUTE_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    dispute: str
    as_of: str
    format: ReportFormat
    revision: int
    def __init__(self, dispute: _Optional[str] = ..., as_of: _Optional[str] = ..., format: _Optional[_Union[ReportFormat, str]] = ..., revision: _Optional[int] = ...) -> None: ...

class GetDisputeReportResponse(_message.Message):
    __slots__ = ("content", "content_type")
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    content: str
    content_type: str
    def __init__(self, content: _Optional[str] = ..., content_type: _Optional[str] = ...) -> None: ...

class ForecastRequest(_message.Message):
    __slots__ = ("dispute", "scenario_csv", "model", "monte_carlo_draws", "seed", "as_of", "revision", "position_noise", "salience_noise", "capability_noise", "range")
    DISPUTE_FIELD_NUMBER: _ClassVar[int]
    SCENARIO_CSV_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    MONTE_CARLO_DRAWS_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    POSITION_NOISE_FIELD_NUMBER: _ClassVar[int]
    SALIENCE_NOISE_FIELD_NUMBER: _ClassVar[int]
    CAPABILITY_NOISE_FIELD_NUMBER: _ClassVar[int]
    RANGE_FIELD_NUMBER: _ClassVar[int]
    dispute: str
    scenario_csv: str
    model: ForecastModel
    monte_carlo_draws: int
    seed: int
    as_of: str
    revision: int
    position_noise: float
    salience_noise: float
    capability_noise: float
    range: ForecastRange
    def __init__(self, dispute: _Optional[str] = ..., scenario_csv: _Optional[str] = ..., model: _Optional[_Union[ForecastModel, str]] = ..., monte_carlo_draws: _Optional[int] = ..., seed: _Optional[int] = ..., as_of: _Optional[str] = ..., revision: _Optional[int] = ..., position_noise: _Optional[float] = ..., salience_noise: _Optional[float] = ..., capability_noise: _Optional[float] = ..., range: _Optional[_Union[ForecastRange, _Mapping]] = ...) -> None: ...

class ForecastRange(_message.Message):
    __slots__ = ("low", "high")
    LOW_FIELD_NUMBER: _ClassVar[int]
    HIGH_FIELD_NUMBER: _ClassVar[int]
    low: float
    high: float
    def __init__(self, low: _Optional[float] = ..., high: _Optional[float] = ...) -> None: ...

class ForecastOutcome(_message.Message):
    __slots__ = ("dimension", "forecast", "weighted_median", "pairwise_median", "mean")
    DIMENSION_FIELD_NUMBER: _ClassVar[int]
    FORECAST_FIELD_NUMBER: _ClassVar[int]
    WEIGHTED_MEDIAN_FIELD_NUMBER: _ClassVar[int]
    PAIRWISE_MEDIAN_FIELD_NUMBER: _ClassVar[int]
    MEAN_FIELD_NUMBER: _ClassVar[int]
    dimension: str
    forecast: float
    weighted_median: float
    pairwise_median: float
    mean: float
    def __init__(self, dimension: _Optional[str] = ..., forecast: _Optional[float] = ..., weighted_median: _Optional[float] = ..., pairwise_median: _Optional[float] = ..., mean: _Optional[float] = ...) -> None: ...

class ForecastPositions(_message.Message):
    __slots__ = ("values",)
    VALUES_FIELD_NUMBER: _ClassVar[int]
    values: _containers.RepeatedScalarFieldContainer[float]
    def __init__(self, values: _Optional[_Iterable[float]] = ...) -> None: ...

class ForecastMove(_message.Message):
    __slots__ = ("actor", "dimension", "to", "kind", "reason")
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    DIMENSION_FIELD_NUMBER: _ClassVar[int]
    FROM_FIELD_NUMBER: _ClassVar[int]
    TO_FIELD_NUMBER: _ClassVar[int]
    WITH_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    actor: str
    dimension: str
    to: float
    kind: str
    reason: str
    def __init__(self, actor: _Optional[str] = ..., dimension: _Optional[str] = ..., to: _Optional[float] = ..., kind: _Optional[str] = ..., reason: _Optional[str] = ..., **kwargs) -> None: ...

class ForecastRound(_message.Message):
    __slots__ = ("round", "positions", "median", "mean", "moves")
    ROUND_FIELD_NUMBER: _ClassVar[int]
    POSITIONS_FIELD_NUMBER: _ClassVar[int]
    MEDIAN_FIELD_NUMBER: _ClassVar[int]
    MEAN_FIELD_NUMBER: _ClassVar[int]
    MOVES_FIELD_NUMBER: _ClassVar[int]
    round: int
    positions: _containers.RepeatedCompositeFieldContainer[ForecastPositions]
    median: _containers.RepeatedScalarFieldContainer[float]
    mean: _containers.RepeatedScalarFieldContainer[float]
    moves: _containers.RepeatedCompositeFieldContainer[ForecastMove]
    def __init__(self, round: _Optional[int] = ..., positions: _Optional[_Iterable[_Union[ForecastPositions, _Mapping]]] = ..., median: _Optional[_Iterable[float]] = ..., mean: _Optional[_Iterable[float]] = ..., moves: _Optional[_Iterable[_Union[ForecastMove, _Mapping]]] = ...) -> None: ...

class ForecastQuantile(_message.Message):
    __slots__ = ("probability", "value")
    PROBABILITY_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    probability: float
    value: float
    def __init__(self, probability: _Optional[float] = ..., value: _Optional[float] = ...) -> None: ...

class ForecastDistribution(_message.Message):
    __slots__ = ("dimension", "mean", "std_dev", "min", "max", "quantiles", "probability_in_range")
    DIMENSION_FIELD_NUMBER: _ClassVar[int]
    MEAN_FIELD_NUMBER: _ClassVar[int]
    STD_DEV_FIELD_NUMBER: _ClassVar[int]
    MIN_FIELD_NUMBER: _ClassVar[int]
    MAX_FIELD_NUMBER: _ClassVar[int]
    QUANTILES_FIELD_NUMBER: _ClassVar[int]
    PROBABILITY_IN_RANGE_FIELD_NUMBER: _ClassVar[int]
    dimension: str
    mean: float
    std_dev: float
    min: float
    max: float
    quantiles: _containers.RepeatedCompositeFieldContainer[ForecastQuantile]
    probability_in_range: float
    def __init__(self, dimension: _Optional[str] = ..., mean: _Optional[float] = ..., std_dev: _Optional[float] = ..., min: _Optional[float] = ..., max: _Optional[float] = ..., quantiles: _Optional[_Iterable[_Union[ForecastQuantile, _Mapping]]] = ..., probability_in_range: _Optional[float] = ...) -> None: ...

class ForecastResult(_message.Message):
    __slots__ = ("scenario", "model", "actors", "dimensions", "outcome", "converged", "rounds", "parameters_json", "monte_carlo_draws", "distributions")
    SCENARIO_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    ACTORS_FIELD_NUMBER: _ClassVar[int]
    DIMENSIONS_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    CONVERGED_FIELD_NUMBER: _ClassVar[int]
    ROUNDS_FIELD_NUMBER: _ClassVar[int]
    PARAMETERS_JSON_FIELD_NUMBER: _ClassVar[int]
    MONTE_CARLO_DRAWS_FIELD_NUMBER: _ClassVar[int]
    DISTRIBUTIONS_FIELD_NUMBER: _ClassVar[int]
    scenario: str
    model: ForecastModel
    actors: _containers.RepeatedScalarFieldContainer[str]
    dimensions: _containers.RepeatedScalarFieldContainer[str]
    outcome: _containers.RepeatedCompositeFieldContainer[ForecastOutcome]
    converged: bool
    rounds: _containers.RepeatedCompositeFieldContainer[ForecastRound]
    parameters_json: str
    monte_carlo_draws: int
    distributions: _containers.RepeatedCompositeFieldContainer[ForecastDistribution]
    def __init__(self, scenario: _Optional[str] = ..., model: _Optional[_Union[ForecastModel, str]] = ..., actors: _Optional[_Iterable[str]] = ..., dimensions: _Optional[_Iterable[str]] = ..., outcome: _Optional[_Iterable[_Union[ForecastOutcome, _Mapping]]] = ..., converged: bool = ..., rounds: _Optional[_Iterable[_Union[ForecastRound, _Mapping]]] = ..., parameters_json: _Optional[str] = ..., monte_carlo_draws: _Optional[int] = ..., distributions: _Optional[_Iterable[_Union[ForecastDistribution, _Mapping]]] = ...) -> None: ...

class ForecastProgress(_message.Message):
    __slots__ = ("done", "total")
    DONE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    done: int
    total: int
    def __init__(self, done: _Optional[int] = ..., total: _Optional[int] = ...) -> None: ...

class ForecastResponse(_message.Message):
    __slots__ = ("progress", "result")
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    progress: ForecastProgress
    result: ForecastResult
    def __init__(self, progress: _Optional[_Union[ForecastProgress, _Mapping]] = ..., result: _Optional[_Union[ForecastResult, _Mapping]] = ...) -> None: ...

class ConsolidationOptions(_message.Message):
    __slots__ = ("half_life_days", "conflict_gap")
    HALF_LIFE_DAYS_FIELD_NUMBER: _ClassVar[int]
    CONFLICT_GAP_FIELD_NUMBER: _ClassVar[int]
    half_life_days: float
    conflict_gap: float
    def __init__(self, half_life_days: _Optional[float] = ..., conflict_gap: _Optional[float] = ...) -> None: ...

class AnalysisEvidence(_message.Message):
    __slots__ = ("stance", "date", "document", "quote", "speaker", "source_channel")
    STANCE_FIELD_NUMBER: _ClassVar[int]
    DATE_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    QUOTE_FIELD_NUMBER: _ClassVar[int]
    SPEAKER_FIELD_NUMBER: _ClassVar[int]
    SOURCE_CHANNEL_FIELD_NUMBER: _ClassVar[int]
    stance: str
    date: str
    document: str
    quote: str
    speaker: str
    source_channel: str
    def __init__(self, stance: _Optional[str] = ..., date: _Optional[str] = ..., document: _Optional[str] = ..., quote: _Optional[str] = ..., speaker: _Optional[str] = ..., source_channel: _Optional[str] = ...) -> None: ...

class ListCurrentStancesRequest(_message.Message):
    __slots__ = ("dispute", "issue", "actor", "as_of", "consolidation", "revision")
    DISPUTE_FIELD_NUMBER: _ClassVar[int]
    ISSUE_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    CONSOLIDATION_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    dispute: str
    issue: str
    actor: str
    as_of: str
    consolidation: ConsolidationOptions
    revision: int
    def __init__(self, dispute: _Optional[str] = ..., issue: _Optional[str] = ..., actor: _Optional[str] = ..., as_of: _Optional[str] = ..., consolidation: _Optional[_Union[ConsolidationOptions, _Mapping]] = ..., revision: _Optional[int] = ...) -> None: ...

class StanceSide(_message.Message):
    __slots__ = ("position", "label", "share", "sources", "records", "evidence")
    POSITION_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    SHARE_FIELD_NUMBER: _ClassVar[int]
    SOURCES_FIELD_NUMBER: _ClassVar[int]
    RECORDS_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    position: float
    label: _resources_pb2.StanceLabel
    share: float
    sources: int
    records: _containers.RepeatedScalarFieldContainer[str]
    evidence: _containers.RepeatedCompositeFieldContainer[AnalysisEvidence]
    def __init__(self, position: _Optional[float] = ..., label: _Optional[_Union[_resources_pb2.StanceLabel, str]] = ..., share: _Optional[float] = ..., sources: _Optional[int] = ..., records: _Optional[_Iterable[str]] = ..., evidence: _Optional[_Iterable[_Union[AnalysisEvidence, _Mapping]]] = ...) -> None: ...

class CurrentStance(_message.Message):
    __slots__ = ("actor", "issue", "position", "salience", "label", "conditions", "confidence", "sources", "last_evidence", "records", "evidence", "conflict")
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    ISSUE_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    SALIENCE_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    CONDITIONS_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    SOURCES_FIELD_NUMBER: _ClassVar[int]
    LAST_EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    RECORDS_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    CONFLICT_FIELD_NUMBER: _ClassVar[int]
    actor: str
    issue: str
    position: float
    salience: float
    label: _resources_pb2.StanceLabel
    conditions: _containers.RepeatedCompositeFieldContainer[_resources_pb2.Condition]
    confidence: float
    sources: int
    last_evidence: str
    records: _containers.RepeatedScalarFieldContainer[str]
    evidence: _containers.RepeatedCompositeFieldContainer[AnalysisEvidence]
    conflict: _containers.RepeatedCompositeFieldContainer[StanceSide]
    def __init__(self, actor: _Optional[str] = ..., issue: _Optional[str] = ..., position: _Optional[float] = ..., salience: _Optional[float] = ..., label: _Optional[_Union[_resources_pb2.StanceLabel, str]] = ..., conditions: _Optional[_Iterable[_Union[_resources_pb2.Condition, _Mapping]]] = ..., confidence: _Optional[float] = ..., sources: _Optional[int] = ..., last_evidence: _Optional[str] = ..., records: _Optional[_Iterable[str]] = ..., evidence: _Optional[_Iterable[_Union[AnalysisEvidence, _Mapping]]] = ..., conflict: _Optional[_Iterable[_Union[StanceSide, _Mapping]]] = ...) -> None: ...

class ListCurrentStancesResponse(_message.Message):
    __slots__ = ("as_of", "stances")
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    STANCES_FIELD_NUMBER: _ClassVar[int]
    as_of: str
    stances: _containers.RepeatedCompositeFieldContainer[CurrentStance]
    def __init__(self, as_of: _Optional[str] = ..., stances: _Optional[_Iterable[_Union[CurrentStance, _Mapping]]] = ...) -> None: ...

class GetStanceMatrixRequest(_message.Message):
    __slots__ = ("dispute", "as_of", "consolidation", "revision")
    DISPUTE_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    CONSOLIDATION_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    dispute: str
    as_of: str
    consolidation: ConsolidationOptions
    revision: int
    def __init__(self, dispute: _Optional[str] = ..., as_of: _Optional[str] = ..., consolidation: _Optional[_Union[ConsolidationOptions, _Mapping]] = ..., revision: _Optional[int] = ...) -> None: ...

class AgreementCell(_message.Message):
    __slots__ = ("agreement", "shared_issues")
    AGREEMENT_FIELD_NUMBER: _ClassVar[int]
    SHARED_ISSUES_FIELD_NUMBER: _ClassVar[int]
    agreement: float
    shared_issues: int
    def __init__(self, agreement: _Optional[float] = ..., shared_issues: _Optional[int] = ...) -> None: ...

class AgreementRow(_message.Message):
    __slots__ = ("actor", "cells")
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    CELLS_FIELD_NUMBER: _ClassVar[int]
    actor: str
    cells: _containers.RepeatedCompositeFieldContainer[AgreementCell]
    def __init__(self, actor: _Optional[str] = ..., cells: _Optional[_Iterable[_Union[AgreementCell, _Mapping]]] = ...) -> None: ...

class IssuePolarization(_message.Message):
    __slots__ = ("issue", "actors", "mean_salience", "index")
    ISSUE_FIELD_NUMBER: _ClassVar[int]
    ACTORS_FIELD_NUMBER: _ClassVar[int]
    MEAN_SALIENCE_FIELD_NUMBER: _ClassVar[int]
    INDEX_FIELD_NUMBER: _ClassVar[int]
    issue: str
    actors: int
    mean_salience: float
    index: float
    def __init__(self, issue: _Optional[str] = ..., actors: _Optional[int] = ..., mean_salience: _Optional[float] = ..., index: _Optional[float] = ...) -> None: ...

class Polarization(_message.Message):
    __slots__ = ("index", "issues")
    INDEX_FIELD_NUMBER: _ClassVar[int]
    ISSUES_FIELD_NUMBER: _ClassVar[int]
    index: float
    issues: _containers.RepeatedCompositeFieldContainer[IssuePolarization]
    def __init__(self, index: _Optional[float] = ..., issues: _Optional[_Iterable[_Union[IssuePolarization, _Mapping]]] = ...) -> None: ...

class GetStanceMatrixResponse(_message.Message):
    __slots__ = ("as_of", "actors", "issues", "rows", "polarization")
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    ACTORS_FIELD_NUMBER: _ClassVar[int]
    ISSUES_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    POLARIZATION_FIELD_NUMBER: _ClassVar[int]
    as_of: str
    actors: _containers.RepeatedScalarFieldContainer[str]
    issues: _containers.RepeatedScalarFieldContainer[str]
    rows: _containers.RepeatedCompositeFieldContainer[AgreementRow]
    polarization: Polarization
    def __init__(self, as_of: _Optional[str] = ..., actors: _Optional[_Iterable[str]] = ..., issues: _Optional[_Iterable[str]] = ..., rows: _Optional[_Iterable[_Union[AgreementRow, _Mapping]]] = ..., polarization: _Optional[_Union[Polarization, _Mapping]] = ...) -> None: ...

class ListStanceShiftsRequest(_message.Message):
    __slots__ = ("dispute", "actor", "since", "until", "threshold", "consolidation", "revision")
    DISPUTE_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    SINCE_FIELD_NUMBER: _ClassVar[int]
    UNTIL_FIELD_NUMBER: _ClassVar[int]
    THRESHOLD_FIELD_NUMBER: _ClassVar[int]
    CONSOLIDATION_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    dispute: str
    actor: str
    since: str
    until: str
    threshold: float
    consolidation: ConsolidationOptions
    revision: int
    def __init__(self, dispute: _Optional[str] = ..., actor: _Optional[str] = ..., since: _Optional[str] = ..., until: _Optional[str] = ..., threshold: _Optional[float] = ..., consolidation: _Optional[_Union[ConsolidationOptions, _Mapping]] = ..., revision: _Optional[int] = ...) -> None: ...

class ShiftPoint(_message.Message):
    __slots__ = ("date", "position", "label", "evidence")
    DATE_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    date: str
    position: float
    label: _resources_pb2.StanceLabel
    evidence: _containers.RepeatedCompositeFieldContainer[AnalysisEvidence]
    def __init__(self, date: _Optional[str] = ..., position: _Optional[float] = ..., label: _Optional[_Union[_resources_pb2.StanceLabel, str]] = ..., evidence: _Optional[_Iterable[_Union[AnalysisEvidence, _Mapping]]] = ...) -> None: ...

class StanceShift(_message.Message):
    __slots__ = ("actor", "issue", "date", "kind", "delta", "before", "after")
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    ISSUE_FIELD_NUMBER: _ClassVar[int]
    DATE_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    DELTA_FIELD_NUMBER: _ClassVar[int]
    BEFORE_FIELD_NUMBER: _ClassVar[int]
    AFTER_FIELD_NUMBER: _ClassVar[int]
    actor: str
    issue: str
    date: str
    kind: ShiftKind
    delta: float
    before: ShiftPoint
    after: ShiftPoint
    def __init__(self, actor: _Optional[str] = ..., issue: _Optional[str] = ..., date: _Optional[str] = ..., kind: _Optional[_Union[ShiftKind, str]] = ..., delta: _Optional[float] = ..., before: _Optional[_Union[ShiftPoint, _Mapping]] = ..., after: _Optional[_Union[ShiftPoint, _Mapping]] = ...) -> None: ...

class ListStanceShiftsResponse(_message.Message):
    __slots__ = ("until", "shifts")
    UNTIL_FIELD_NUMBER: _ClassVar[int]
    SHIFTS_FIELD_NUMBER: _ClassVar[int]
    until: str
    shifts: _containers.RepeatedCompositeFieldContainer[StanceShift]
    def __init__(self, until: _Optional[str] = ..., shifts: _Optional[_Iterable[_Union[StanceShift, _Mapping]]] = ...) -> None: ...

class ListDeadlocksRequest(_message.Message):
    __slots__ = ("dispute", "as_of", "consolidation", "revision")
    DISPUTE_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    CONSOLIDATION_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    dispute: str
    as_of: str
    consolidation: ConsolidationOptions
    revision: int
    def __init__(self, dispute: _Optional[str] = ..., as_of: _Optional[str] = ..., consolidation: _Optional[_Union[ConsolidationOptions, _Mapping]] = ..., revision: _Optional[int] = ...) -> None: ...

class PreconditionEdge(_message.Message):
    __slots__ = ("before", "after", "actor", "required", "label", "position", "condition_text", "evidence")
    BEFORE_FIELD_NUMBER: _ClassVar[int]
    AFTER_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    CONDITION_TEXT_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    before: str
    after: str
    actor: str
    required: _resources_pb2.RequiredOutcome
    label: _resources_pb2.StanceLabel
    position: float
    condition_text: str
    evidence: _containers.RepeatedCompositeFieldContainer[AnalysisEvidence]
    def __init__(self, before: _Optional[str] = ..., after: _Optional[str] = ..., actor: _Optional[str] = ..., required: _Optional[_Union[_resources_pb2.RequiredOutcome, str]] = ..., label: _Optional[_Union[_resources_pb2.StanceLabel, str]] = ..., position: _Optional[float] = ..., condition_text: _Optional[str] = ..., evidence: _Optional[_Iterable[_Union[AnalysisEvidence, _Mapping]]] = ...) -> None: ...

class SequencingConflict(_message.Message):
    __slots__ = ("first_actor", "second_actor", "x", "y")
    FIRST_ACTOR_FIELD_NUMBER: _ClassVar[int]
    SECOND_ACTOR_FIELD_NUMBER: _ClassVar[int]
    X_FIELD_NUMBER: _ClassVar[int]
    Y_FIELD_NUMBER: _ClassVar[int]
    first_actor: str
    second_actor: str
    x: str
    y: str
    def __init__(self, first_actor: _Optional[str] = ..., second_actor: _Optional[str] = ..., x: _Optional[str] = ..., y: _Optional[str] = ...) -> None: ...

class Deadlock(_message.Message):
    __slots__ = ("kind", "issues", "cycle", "parties", "edges", "conflicts")
    KIND_FIELD_NUMBER: _ClassVar[int]
    ISSUES_FIELD_NUMBER: _ClassVar[int]
    CYCLE_FIELD_NUMBER: _ClassVar[int]
    PARTIES_FIELD_NUMBER: _ClassVar[int]
    EDGES_FIELD_NUMBER: _ClassVar[int]
    CONFLICTS_FIELD_NUMBER: _ClassVar[int]
    kind: DeadlockKind
    issues: _containers.RepeatedScalarFieldContainer[str]
    cycle: _containers.RepeatedScalarFieldContainer[str]
    parties: _containers.RepeatedScalarFieldContainer[str]
    edges: _containers.RepeatedCompositeFieldContainer[PreconditionEdge]
    conflicts: _containers.RepeatedCompositeFieldContainer[SequencingConflict]
    def __init__(self, kind: _Optional[_Union[DeadlockKind, str]] = ..., issues: _Optional[_Iterable[str]] = ..., cycle: _Optional[_Iterable[str]] = ..., parties: _Optional[_Iterable[str]] = ..., edges: _Optional[_Iterable[_Union[PreconditionEdge, _Mapping]]] = ..., conflicts: _Optional[_Iterable[_Union[SequencingConflict, _Mapping]]] = ...) -> None: ...

class ListDeadlocksResponse(_message.Message):
    __slots__ = ("as_of", "deadlocks")
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    DEADLOCKS_FIELD_NUMBER: _ClassVar[int]
    as_of: str
    deadlocks: _containers.RepeatedCompositeFieldContainer[Deadlock]
    def __init__(self, as_of: _Optional[str] = ..., deadlocks: _Optional[_Iterable[_Union[Deadlock, _Mapping]]] = ...) -> None: ...

class ListCoalitionsRequest(_message.Message):
    __slots__ = ("dispute", "as_of", "max_distance", "consolidation", "revision")
    DISPUTE_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    MAX_DISTANCE_FIELD_NUMBER: _ClassVar[int]
    CONSOLIDATION_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    dispute: str
    as_of: str
    max_distance: float
    consolidation: ConsolidationOptions
    revision: int
    def __init__(self, dispute: _Optional[str] = ..., as_of: _Optional[str] = ..., max_distance: _Optional[float] = ..., consolidation: _Optional[_Union[ConsolidationOptions, _Mapping]] = ..., revision: _Optional[int] = ...) -> None: ...

class Coalition(_message.Message):
    __slots__ = ("members", "cohesion")
    MEMBERS_FIELD_NUMBER: _ClassVar[int]
    COHESION_FIELD_NUMBER: _ClassVar[int]
    members: _containers.RepeatedScalarFieldContainer[str]
    cohesion: float
    def __init__(self, members: _Optional[_Iterable[str]] = ..., cohesion: _Optional[float] = ...) -> None: ...

class ListCoalitionsResponse(_message.Message):
    __slots__ = ("as_of", "coalitions")
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    COALITIONS_FIELD_NUMBER: _ClassVar[int]
    as_of: str
    coalitions: _containers.RepeatedCompositeFieldContainer[Coalition]
    def __init__(self, as_of: _Optional[str] = ..., coalitions: _Optional[_Iterable[_Union[Coalition, _Mapping]]] = ...) -> None: ...

class GetCooperationSeriesRequest(_message.Message):
    __slots__ = ("dispute", "actor", "other_actor", "granularity", "since", "until", "roll_up", "revision")
    DISPUTE_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    OTHER_ACTOR_FIELD_NUMBER: _ClassVar[int]
    GRANULARITY_FIELD_NUMBER: _ClassVar[int]
    SINCE_FIELD_NUMBER: _ClassVar[int]
    UNTIL_FIELD_NUMBER: _ClassVar[int]
    ROLL_UP_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    dispute: str
    actor: str
    other_actor: str
    granularity: SeriesGranularity
    since: str
    until: str
    roll_up: bool
    revision: int
    def __init__(self, dispute: _Optional[str] = ..., actor: _Optional[str] = ..., other_actor: _Optional[str] = ..., granularity: _Optional[_Union[SeriesGranularity, str]] = ..., since: _Optional[str] = ..., until: _Optional[str] = ..., roll_up: bool = ..., revision: _Optional[int] = ...) -> None: ...

class SeriesBucket(_message.Message):
    __slots__ = ("start", "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict", "total", "imprecise", "mean_intensity")
    START_FIELD_NUMBER: _ClassVar[int]
    VERBAL_COOPERATION_FIELD_NUMBER: _ClassVar[int]
    MATERIAL_COOPERATION_FIELD_NUMBER: _ClassVar[int]
    VERBAL_CONFLICT_FIELD_NUMBER: _ClassVar[int]
    MATERIAL_CONFLICT_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    IMPRECISE_FIELD_NUMBER: _ClassVar[int]
    MEAN_INTENSITY_FIELD_NUMBER: _ClassVar[int]
    start: str
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    total: int
    imprecise: int
    mean_intensity: float
    def __init__(self, start: _Optional[str] = ..., verbal_cooperation: _Optional[int] = ..., material_cooperation: _Optional[int] = ..., verbal_conflict: _Optional[int] = ..., material_conflict: _Optional[int] = ..., total: _Optional[int] = ..., imprecise: _Optional[int] = ..., mean_intensity: _Optional[float] = ...) -> None: ...

class SeriesTrend(_message.Message):
    __slots__ = ("slope", "intercept", "points")
    SLOPE_FIELD_NUMBER: _ClassVar[int]
    INTERCEPT_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    slope: float
    intercept: float
    points: int
    def __init__(self, slope: _Optional[float] = ..., intercept: _Optional[float] = ..., points: _Optional[int] = ...) -> None: ...

class PairSeries(_message.Message):
    __slots__ = ("actor_a", "actor_b", "buckets", "trend")
    ACTOR_A_FIELD_NUMBER: _ClassVar[int]
    ACTOR_B_FIELD_NUMBER: _ClassVar[int]
    BUCKETS_FIELD_NUMBER: _ClassVar[int]
    TREND_FIELD_NUMBER: _ClassVar[int]
    actor_a: str
    actor_b: str
    buckets: _containers.RepeatedCompositeFieldContainer[SeriesBucket]
    trend: SeriesTrend
    def __init__(self, actor_a: _Optional[str] = ..., actor_b: _Optional[str] = ..., buckets: _Optional[_Iterable[_Union[SeriesBucket, _Mapping]]] = ..., trend: _Optional[_Union[SeriesTrend, _Mapping]] = ...) -> None: ...

class GetCooperationSeriesResponse(_message.Message):
    __slots__ = ("until", "granularity", "series")
    UNTIL_FIELD_NUMBER: _ClassVar[int]
    GRANULARITY_FIELD_NUMBER: _ClassVar[int]
    SERIES_FIELD_NUMBER: _ClassVar[int]
    until: str
    granularity: SeriesGranularity
    series: _containers.RepeatedCompositeFieldContainer[PairSeries]
    def __init__(self, until: _Optional[str] = ..., granularity: _Optional[_Union[SeriesGranularity, str]] = ..., series: _Optional[_Iterable[_Union[PairSeries, _Mapping]]] = ...) -> None: ...
