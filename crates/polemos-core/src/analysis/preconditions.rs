//! Preconditions and deadlocks.
//!
//! A conditional stance "on issue Y, only once issue X is resolved/adopted/rejected" is an edge
//! X → Y in a directed graph between issues: *X must be settled before Y*, for that actor. The
//! graph is built from the consolidated current stances (see [`super::consolidate`]), so only
//! conditions still held count. Self-conditions (X before X) say nothing about order and are
//! ignored.
//!
//! A deadlock is a strongly connected component of that graph with more than one issue (found
//! with Tarjan's algorithm): every issue in it must wait for another in it, so none can be settled
//! first. Each deadlock reports its issues, one shortest cycle through them (for reading), every
//! edge inside it with the actor and evidence behind it, and the pairwise sequencing conflicts
//! (actor A requires X before Y while actor B requires Y before X). A deadlock whose edges all
//! come from one actor is that actor contradicting itself.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use serde::Serialize;

use super::consolidate::{ConsolidatedStance, EvidenceRef};
use crate::model::{RequiredOutcome, StanceLabel};
use crate::names::{ActorName, IssueName};

/// "Issue `before` must be settled before issue `after`", as one actor's condition.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PreconditionEdge {
    /// The issue that must be settled first.
    pub before: IssueName,
    /// The issue whose stance depends on it.
    pub after: IssueName,
    /// The actor whose condition this is.
    pub actor: ActorName,
    /// What the actor requires of `before`.
    pub required: RequiredOutcome,
    /// The actor's stance on `after` that carries the condition.
    pub label: StanceLabel,
    /// The actor's position on `after`.
    pub position: f64,
    /// The condition as the evidence words it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub condition_text: String,
    /// The evidence of the conditional stance.
    pub evidence: Vec<EvidenceRef>,
}

/// Two actors ordering the same two issues in opposite ways.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SequencingConflict {
    /// `first_actor` requires `x` before `y`.
    pub first_actor: ActorName,
    /// `second_actor` requires `y` before `x`.
    pub second_actor: ActorName,
    /// One issue of the pair.
    pub x: IssueName,
    /// The other issue.
    pub y: IssueName,
}

/// Whether a deadlock is between actors or within one actor's own conditions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlockKind {
    /// The edges come from two or more actors.
    BetweenActors,
    /// One actor's own conditions form the cycle.
    SelfContradiction,
}

/// Issues that cannot be settled in any order: each is a precondition of the next, around a cycle.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Deadlock {
    /// Between actors, or within one actor's conditions.
    pub kind: DeadlockKind,
    /// The issues locked together, sorted.
    pub issues: Vec<IssueName>,
    /// A shortest cycle through the first issue: each must come before the next, and the last
    /// before the first.
    pub cycle: Vec<IssueName>,
    /// The actors whose conditions form the cycle.
    pub parties: Vec<ActorName>,
    /// The precondition edges of the cycle.
    pub edges: Vec<PreconditionEdge>,
    /// Pairs of actors who want the same two issues settled in opposite orders.
    pub conflicts: Vec<SequencingConflict>,
}

/// The precondition edges in a set of consolidated stances.
#[must_use]
pub fn precondition_edges(stances: &[ConsolidatedStance]) -> Vec<PreconditionEdge> {
    let mut out: Vec<PreconditionEdge> = stances
        .iter()
        .flat_map(|s| {
            s.conditions
                .iter()
                .filter(|c| c.issue != s.issue)
                .map(move |c| PreconditionEdge {
                    before: c.issue.clone(),
                    after: s.issue.clone(),
                    actor: s.actor.clone(),
                    required: c.required,
                    label: s.label,
                    position: s.position.get(),
                    condition_text: c.text.clone(),
                    evidence: s.evidence.clone(),
                })
        })
        .collect();
    out.sort_by(|a, b| (&a.before, &a.after, &a.actor).cmp(&(&b.before, &b.after, &b.actor)));
    out
}

/// The deadlocks among the edges (see the module docs), sorted by their first issue.
#[must_use]
pub fn deadlocks(edges: &[PreconditionEdge]) -> Vec<Deadlock> {
    let nodes: Vec<&IssueName> = edges
        .iter()
        .flat_map(|e| [&e.before, &e.after])
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let index: BTreeMap<&IssueName, usize> =
        nodes.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let mut adj: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for e in edges.iter().filter(|e| e.before != e.after) {
        adj[index[&e.before]].push(index[&e.after]);
    }
    for a in &mut adj {
        a.sort_unstable();
        a.dedup();
    }
    let mut out: Vec<Deadlock> = strongly_connected(&adj)
        .into_iter()
        .filter(|c| c.len() > 1)
        .map(|mut component| {
            component.sort_unstable();
            let inside: BTreeSet<usize> = component.iter().copied().collect();
            let cycle = shortest_cycle(&adj, component[0], &inside)
                .into_iter()
                .map(|i| nodes[i].clone())
                .collect();
            let edges_in: Vec<PreconditionEdge> = edges
                .iter()
                .filter(|e| {
                    e.before != e.after
                        && inside.contains(&index[&e.before])
                        && inside.contains(&index[&e.after])
                })
                .cloned()
                .collect();
            let parties: Vec<ActorName> = edges_in
                .iter()
                .map(|e| e.actor.clone())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            let conflicts = sequencing_conflicts(&edges_in);
            Deadlock {
                kind: if parties.len() > 1 {
                    DeadlockKind::BetweenActors
                } else {
                    DeadlockKind::SelfContradiction
                },
                issues: component.iter().map(|&i| nodes[i].clone()).collect(),
                cycle,
                parties,
                edges: edges_in,
                conflicts,
            }
        })
        .collect();
    out.sort_by(|a, b| a.issues.cmp(&b.issues));
    out
}

/// Pairs of edges X→Y (actor A) and Y→X (actor B ≠ A), each pair once with `x < y`.
fn sequencing_conflicts(edges: &[PreconditionEdge]) -> Vec<SequencingConflict> {
    let mut out = Vec::new();
    for a in edges.iter().filter(|e| e.before < e.after) {
        for b in edges
            .iter()
            .filter(|e| e.before == a.after && e.after == a.before && e.actor != a.actor)
        {
            out.push(SequencingConflict {
                first_actor: a.actor.clone(),
                second_actor: b.actor.clone(),
                x: a.before.clone(),
                y: a.after.clone(),
            });
        }
    }
    out
}

/// Tarjan's strongly connected components, iteratively (no recursion depth limit).
#[must_use]
pub fn strongly_connected(adj: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let n = adj.len();
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0usize; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    let mut next = 0usize;
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        // (node, next child position)
        let mut work: Vec<(usize, usize)> = vec![(root, 0)];
        index[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (v, ref mut child)) = work.last_mut() {
            if let Some(&w) = adj[v].get(*child) {
                *child += 1;
                if index[w] == usize::MAX {
                    index[w] = next;
                    low[w] = next;
                    next += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
            } else {
                work.pop();
                if let Some(&(parent, _)) = work.last() {
                    low[parent] = low[parent].min(low[v]);
                }
                if low[v] == index[v] {
                    let mut component = Vec::new();
                    while let Some(w) = stack.pop() {
                        on_stack[w] = false;
                        component.push(w);
                        if w == v {
                            break;
                        }
                    }
                    out.push(component);
                }
            }
        }
    }
    out
}

/// A shortest cycle from `start` back to itself staying inside `inside` (breadth-first).
fn shortest_cycle(adj: &[Vec<usize>], start: usize, inside: &BTreeSet<usize>) -> Vec<usize> {
    let mut parent: BTreeMap<usize, usize> = BTreeMap::new();
    let mut queue = VecDeque::from([start]);
    while let Some(v) = queue.pop_front() {
        for &w in &adj[v] {
            if !inside.contains(&w) {
                continue;
            }
            if w == start {
                let mut path = vec![v];
                let mut cur = v;
                while cur != start {
                    cur = parent[&cur];
                    path.push(cur);
                }
                path.reverse();
                return path;
            }
            if let std::collections::btree_map::Entry::Vacant(e) = parent.entry(w) {
                e.insert(v);
                queue.push_back(w);
            }
        }
    }
    vec![start]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::consolidate::current_stances;
    use crate::analysis::testutil::{actor, date, issue, kuril};
    use crate::names::DisputeName;

    fn edge(before: &str, after: &str, who: &str) -> PreconditionEdge {
        PreconditionEdge {
            before: issue(before),
            after: issue(after),
            actor: actor(who),
            required: RequiredOutcome::Resolved,
            label: StanceLabel::Conditional,
            position: 50.0,
            condition_text: String::new(),
            evidence: Vec::new(),
        }
    }

    /// Japan: sovereignty before the treaty; Russia: the treaty (adopted) before sovereignty.
    /// Two edges in opposite directions from two actors → one deadlock, one sequencing conflict.
    #[test]
    fn kuril_has_one_deadlock() {
        let dossier = kuril();
        let dispute = DisputeName::from_id("kuril-islands").expect("name");
        let stances = current_stances(&dossier, &dispute, date("2018-09-30")).expect("ok");
        let edges = precondition_edges(&stances);
        assert_eq!(edges.len(), 2);
        let found = deadlocks(&edges);
        assert_eq!(found.len(), 1, "{found:#?}");
        let d = &found[0];
        assert_eq!(d.kind, DeadlockKind::BetweenActors);
        let issues: Vec<&str> = d.issues.iter().map(IssueName::id).collect();
        assert_eq!(issues, ["peace-treaty", "sovereignty"]);
        let parties: Vec<&str> = d.parties.iter().map(ActorName::id).collect();
        assert_eq!(parties, ["JPN", "RUS"]);
        assert_eq!(d.cycle.len(), 2);
        assert_eq!(d.conflicts.len(), 1);
        let c = &d.conflicts[0];
        // Russia requires the treaty (x) before sovereignty (y); Japan the reverse.
        assert_eq!((c.first_actor.id(), c.second_actor.id()), ("RUS", "JPN"));
        assert_eq!((c.x.id(), c.y.id()), ("peace-treaty", "sovereignty"));
        let jpn = d
            .edges
            .iter()
            .find(|e| e.actor.id() == "JPN")
            .expect("Japan's edge");
        assert_eq!(jpn.before.id(), "sovereignty");
        assert!(
            jpn.evidence[0]
                .quote
                .as_deref()
                .is_some_and(|q| q.contains("only after"))
        );
        let rus = d
            .edges
            .iter()
            .find(|e| e.actor.id() == "RUS")
            .expect("Russia's edge");
        assert_eq!(rus.required, RequiredOutcome::Adopted);
        assert!(
            rus.evidence[0]
                .quote
                .as_deref()
                .is_some_and(|q| q.contains("not fundamental"))
        );
    }

    /// X→Y (A), Y→Z (B), Z→X (A), W→X (B), X→X (A, ignored): one three-issue deadlock {X, Y, Z}
    /// with parties A and B, no pairwise conflict; W is outside it.
    #[test]
    fn three_cycle_and_self_contradiction() {
        let edges = vec![
            edge("x", "y", "A"),
            edge("y", "z", "B"),
            edge("z", "x", "A"),
            edge("w", "x", "B"),
            edge("x", "x", "A"),
        ];
        let found = deadlocks(&edges);
        assert_eq!(found.len(), 1);
        let ids: Vec<&str> = found[0].issues.iter().map(IssueName::id).collect();
        assert_eq!(ids, ["x", "y", "z"]);
        let cycle: Vec<&str> = found[0].cycle.iter().map(IssueName::id).collect();
        assert_eq!(cycle, ["x", "y", "z"]);
        assert_eq!(found[0].edges.len(), 3);
        assert!(found[0].conflicts.is_empty());
        assert_eq!(found[0].kind, DeadlockKind::BetweenActors);

        let alone = deadlocks(&[edge("p", "q", "A"), edge("q", "p", "A")]);
        assert_eq!(alone.len(), 1);
        assert_eq!(alone[0].kind, DeadlockKind::SelfContradiction);
        assert!(alone[0].conflicts.is_empty());
        assert!(deadlocks(&[edge("p", "q", "A"), edge("q", "r", "B")]).is_empty());
    }
}
