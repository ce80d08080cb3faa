from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
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
REPORT_FORMAT_UNSPECIFIED: ReportFormat
REPORT_FORMAT_MARKDOWN: ReportFormat
REPORT_FORMAT_HTML: ReportFormat
REPORT_FORMAT_JSON: ReportFormat
FORECAST_MODEL_UNSPECIFIED: ForecastModel
FORECAST_MODEL_MEDIAN: ForecastModel
FORECAST_MODEL_COMPROMISE: ForecastModel
FORECAST_MODEL_BDM: ForecastModel
FORECAST_MODEL_SMP: ForecastModel

class GetDisputeReportRequest(_message.Message):
    __slots__ = ("dispute", "as_of", "format")
    DISPUTE_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    dispute: str
    as_of: str
    format: ReportFormat
    def __init__(self, dispute: _Optional[str] = ..., as_of: _Optional[str] = ..., format: _Optional[_Union[ReportFormat, str]] = ...) -> None: ...

class GetDisputeReportResponse(_message.Message):
    __slots__ = ("content", "content_type")
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    content: str
    content_type: str
    def __init__(self, content: _Optional[str] = ..., content_type: _Optional[str] = ...) -> None: ...

class ForecastRequest(_message.Message):
    __slots__ = ("dispute", "scenario_csv", "model", "monte_carlo_draws", "seed")
    DISPUTE_FIELD_NUMBER: _ClassVar[int]
    SCENARIO_CSV_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    MONTE_CARLO_DRAWS_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    dispute: str
    scenario_csv: str
    model: ForecastModel
    monte_carlo_draws: int
    seed: int
    def __init__(self, dispute: _Optional[str] = ..., scenario_csv: _Optional[str] = ..., model: _Optional[_Union[ForecastModel, str]] = ..., monte_carlo_draws: _Optional[int] = ..., seed: _Optional[int] = ...) -> None: ...

class ForecastProgress(_message.Message):
    __slots__ = ("done", "total")
    DONE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    done: int
    total: int
    def __init__(self, done: _Optional[int] = ..., total: _Optional[int] = ...) -> None: ...

class ForecastResponse(_message.Message):
    __slots__ = ("progress", "result_json")
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    RESULT_JSON_FIELD_NUMBER: _ClassVar[int]
    progress: ForecastProgress
    result_json: str
    def __init__(self, progress: _Optional[_Union[ForecastProgress, _Mapping]] = ..., result_json: _Optional[str] = ...) -> None: ...
