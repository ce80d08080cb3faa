//! Analyses as stances change over time, and their refusals of bad input.

use crate::support::*;

/// The reference dossier plus Japan turning against the treaty on 2018-11-01: its conditional
/// stance ends that day and a new one (20, oppose, no condition) begins.
fn dossier_with_japan_turning() -> Dossier {
    let mut v: serde_json::Value = serde_json::from_str(KURIL).expect("json");
    let stances = v["stances"].as_array_mut().expect("stances");
    let old = stances
        .iter_mut()
        .find(|s| s["name"] == "stances/jpn-peace-treaty-2018")
        .expect("Japan's treaty stance");
    old["valid_to"] = "2018-11-01".into();
    stances.push(serde_json::json!({
        "name": "stances/jpn-peace-treaty-2018-11",
        "actor": "actors/JPN",
        "issue": TREATY,
        "position": 20,
        "salience": 0.7,
        "confidence": 0.85,
        "label": "oppose",
        "valid_from": "2018-11-01",
        "evidence": [{"quote": "Tokyo rejects a treaty before the islands", "speaker": "actors/JPN"}]
    }));
    Dossier::from_json(&v.to_string()).expect("valid dossier")
}

#[tokio::test]
async fn shifts_and_the_as_of_date_follow_a_change_of_stance() {
    let server = Server::start(true, false).await;
    server
        .store
        .commit(WriteBatch::from_dossier(
            &dossier_with_japan_turning(),
            "test import",
        ))
        .expect("import");
    let mut client = analysis(&server, Some(server.reader.as_str())).await;
    let shifts = |actor: &str, since: &str, until: &str, threshold: Option<f64>| {
        pb::ListStanceShiftsRequest {
            dispute: DISPUTE.into(),
            actor: actor.into(),
            since: since.into(),
            until: until.into(),
            threshold,
            ..Default::default()
        }
    };
    let all = client
        .list_stance_shifts(shifts("", "", "2018-12-01", None))
        .await
        .expect("shifts")
        .into_inner();
    assert_eq!(all.until, "2018-12-01");
    // Only Japan's treaty stance changed: 75 conditional (known 2018-09-19) → 20 oppose.
    assert_eq!(all.shifts.len(), 1);
    let s = &all.shifts[0];
    assert_eq!((s.actor.as_str(), s.issue.as_str()), ("actors/JPN", TREATY));
    assert_eq!(s.date, "2018-11-01");
    assert_eq!(s.kind, pb::ShiftKind::LabelAndPosition as i32);
    assert!(close(s.delta, -55.0));
    let before = s.before.as_ref().expect("before");
    let after = s.after.as_ref().expect("after");
    assert_eq!(before.date, "2018-09-19");
    assert!(close(before.position, 75.0));
    assert_eq!(before.label, pb::StanceLabel::Conditional as i32);
    assert_eq!(before.evidence[0].stance, "stances/jpn-peace-treaty-2018");
    assert!(close(after.position, 20.0));
    assert_eq!(after.label, pb::StanceLabel::Oppose as i32);
    assert_eq!(after.evidence[0].stance, "stances/jpn-peace-treaty-2018-11");
    assert_eq!(after.evidence[0].date, "2018-11-01"); // no document: its valid_from
    assert_eq!(
        after.evidence[0].source_channel,
        "record:stances/jpn-peace-treaty-2018-11"
    );

    // A 55-point move is within a threshold of 60: only the label changed.
    let wide = client
        .list_stance_shifts(shifts("actors/JPN", "", "2018-12-01", Some(60.0)))
        .await
        .expect("threshold 60")
        .into_inner();
    assert_eq!(wide.shifts[0].kind, pb::ShiftKind::Label as i32);
    for (actor, since, until) in [
        ("actors/RUS", "", "2018-12-01"), // Russia did not move
        ("", "2018-11-02", "2018-12-01"), // after the shift
        ("", "", "2018-10-31"),           // not known yet
    ] {
        let none = client
            .list_stance_shifts(shifts(actor, since, until, None))
            .await
            .expect("no shifts")
            .into_inner();
        assert!(none.shifts.is_empty(), "{actor} {since} {until}");
    }

    // The deadlock holds while Japan's condition does, and is gone once it lapsed.
    let deadlocks = |as_of: &str| pb::ListDeadlocksRequest {
        dispute: DISPUTE.into(),
        as_of: as_of.into(),
        ..Default::default()
    };
    let then = client
        .list_deadlocks(deadlocks(KNOWN))
        .await
        .expect("deadlocks then")
        .into_inner();
    assert_eq!(then.deadlocks.len(), 1);
    let now = client
        .list_deadlocks(deadlocks("2018-12-01"))
        .await
        .expect("deadlocks after")
        .into_inner();
    assert!(now.deadlocks.is_empty());
    let current = client
        .list_current_stances(pb::ListCurrentStancesRequest {
            dispute: DISPUTE.into(),
            actor: "actors/JPN".into(),
            issue: TREATY.into(),
            as_of: "2018-12-01".into(),
            ..Default::default()
        })
        .await
        .expect("current")
        .into_inner();
    assert_eq!(current.stances[0].label, pb::StanceLabel::Oppose as i32);
    assert!(current.stances[0].conditions.is_empty());
    server.stop().await;
}

#[tokio::test]
async fn analyses_reject_bad_input_naming_the_field() {
    let server = Server::start(true, true).await;
    let mut client = analysis(&server, Some(server.reader.as_str())).await;

    // Every analysis: NOT_FOUND for an unknown dispute, INVALID_ARGUMENT naming `dispute` for a
    // malformed one or none (but the series, which without one counts every event).
    for (dispute, code) in [
        ("disputes/atlantis", Code::NotFound),
        ("disputes/kuril islands", Code::InvalidArgument),
        ("actors/JPN", Code::InvalidArgument),
        ("", Code::InvalidArgument),
    ] {
        let d = || dispute.to_owned();
        let results = [
            client
                .list_current_stances(pb::ListCurrentStancesRequest {
                    dispute: d(),
                    ..Default::default()
                })
                .await
                .map(|_| ()),
            client
                .get_stance_matrix(pb::GetStanceMatrixRequest {
                    dispute: d(),
                    ..Default::default()
                })
                .await
                .map(|_| ()),
            client
                .list_stance_shifts(pb::ListStanceShiftsRequest {
                    dispute: d(),
                    ..Default::default()
                })
                .await
                .map(|_| ()),
            client
                .list_deadlocks(pb::ListDeadlocksRequest {
                    dispute: d(),
                    ..Default::default()
                })
                .await
                .map(|_| ()),
            client
                .list_coalitions(pb::ListCoalitionsRequest {
                    dispute: d(),
                    ..Default::default()
                })
                .await
                .map(|_| ()),
            client
                .get_cooperation_series(pb::GetCooperationSeriesRequest {
                    dispute: d(),
                    ..Default::default()
                })
                .await
                .map(|_| ()),
        ];
        let last = results.len() - 1;
        for (i, r) in results.into_iter().enumerate() {
            if i == last && dispute.is_empty() {
                // The series (the last call) without a dispute is the whole store's.
                assert!(r.is_ok(), "the store's series: {r:?}");
                continue;
            }
            let err = r.expect_err("bad dispute");
            assert_eq!(err.code(), code, "rpc {i} with `{dispute}`: {err:?}");
            if code == Code::InvalidArgument {
                assert_eq!(field_violation(&err), "dispute", "rpc {i}");
            } else {
                assert_eq!(reason(&err), "RESOURCE_NOT_FOUND", "rpc {i}");
            }
        }
    }

    let stances = |f: &dyn Fn(&mut pb::ListCurrentStancesRequest)| {
        let mut q = pb::ListCurrentStancesRequest {
            dispute: DISPUTE.into(),
            ..Default::default()
        };
        f(&mut q);
        q
    };
    let cases: Vec<(pb::ListCurrentStancesRequest, &str)> = vec![
        (stances(&|q| q.as_of = "2018-13-01".into()), "as_of"),
        (stances(&|q| q.as_of = "1 Oct 2018".into()), "as_of"),
        (stances(&|q| q.actor = "JPN".into()), "actor"),
        (
            stances(&|q| q.issue = "disputes/other/issues/x".into()),
            "issue",
        ),
        (stances(&|q| q.issue = "peace-treaty".into()), "issue"),
        (
            stances(&|q| {
                q.consolidation = Some(pb::ConsolidationOptions {
                    half_life_days: Some(0.0),
                    conflict_gap: None,
                });
            }),
            "consolidation.half_life_days",
        ),
        (
            stances(&|q| {
                q.consolidation = Some(pb::ConsolidationOptions {
                    half_life_days: None,
                    conflict_gap: Some(-1.0),
                });
            }),
            "consolidation.conflict_gap",
        ),
    ];
    for (q, field) in cases {
        let err = client
            .list_current_stances(q)
            .await
            .expect_err("bad request");
        assert_eq!(err.code(), Code::InvalidArgument);
        assert_eq!(field_violation(&err), field);
    }
    let err = client
        .get_stance_matrix(pb::GetStanceMatrixRequest {
            dispute: DISPUTE.into(),
            as_of: "2018-02-30".into(),
            ..Default::default()
        })
        .await
        .expect_err("no such day");
    assert_eq!(field_violation(&err), "as_of");
    let err = client
        .list_deadlocks(pb::ListDeadlocksRequest {
            dispute: DISPUTE.into(),
            as_of: "yesterday".into(),
            ..Default::default()
        })
        .await
        .expect_err("not a date");
    assert_eq!(field_violation(&err), "as_of");
    let err = client
        .list_coalitions(pb::ListCoalitionsRequest {
            dispute: DISPUTE.into(),
            max_distance: Some(-0.1),
            ..Default::default()
        })
        .await
        .expect_err("negative distance");
    assert_eq!(field_violation(&err), "max_distance");
    for (q, field) in [
        (
            pb::ListStanceShiftsRequest {
                since: "2018-12-01".into(),
                until: "2018-11-01".into(),
                ..Default::default()
            },
            "since",
        ),
        (
            pb::ListStanceShiftsRequest {
                until: "2018/11/01".into(),
                ..Default::default()
            },
            "until",
        ),
        (
            pb::ListStanceShiftsRequest {
                threshold: Some(f64::NAN),
                ..Default::default()
            },
            "threshold",
        ),
        (
            pb::ListStanceShiftsRequest {
                actor: "actors/".into(),
                ..Default::default()
            },
            "actor",
        ),
    ] {
        let err = client
            .list_stance_shifts(pb::ListStanceShiftsRequest {
                dispute: DISPUTE.into(),
                ..q
            })
            .await
            .expect_err("bad shifts request");
        assert_eq!(err.code(), Code::InvalidArgument);
        assert_eq!(field_violation(&err), field);
    }
    for (q, field) in [
        (
            pb::GetCooperationSeriesRequest {
                granularity: 9,
                ..Default::default()
            },
            "granularity",
        ),
        (
            pb::GetCooperationSeriesRequest {
                other_actor: "actors/RUS".into(),
                ..Default::default()
            },
            "other_actor",
        ),
        (
            pb::GetCooperationSeriesRequest {
                since: "2018-01-32".into(),
                ..Default::default()
            },
            "since",
        ),
    ] {
        let err = client
            .get_cooperation_series(pb::GetCooperationSeriesRequest {
                dispute: DISPUTE.into(),
                ..q
            })
            .await
            .expect_err("bad series request");
        assert_eq!(err.code(), Code::InvalidArgument);
        assert_eq!(field_violation(&err), field);
    }

    // The analyses need a key; the reader's suffices (used above).
    let mut anonymous = analysis(&server, None).await;
    let err = anonymous
        .list_deadlocks(pb::ListDeadlocksRequest {
            dispute: DISPUTE.into(),
            ..Default::default()
        })
        .await
        .expect_err("no key");
    assert_eq!(err.code(), Code::Unauthenticated);
    server.stop().await;
}
