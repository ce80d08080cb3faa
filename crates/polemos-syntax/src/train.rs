//! Training from CoNLL-U: the tag set, tag dictionary and lemma table from the training words;
//! the tagger; the parser and labeller on tags predicted by jackknifing (each fold tagged by a
//! tagger that never saw it, so they learn from tags as noisy as at run time). Each classifier's
//! number of epochs is picked on the dev set: the averaged weights after every epoch are scored
//! and the best kept. Everything is seeded and single-threaded, so a run is reproducible.

use std::collections::HashMap;

use crate::Error;
use crate::classify::Classifier;
use crate::conllu::GoldSentence;
use crate::labeler::{self, Ctx};
use crate::lemma::Lemmatizer;
use crate::lexical::Lex;
use crate::model::Model;
use crate::perceptron::Trainer;
use crate::tagger::{self, TagDict};
use crate::weights::Weights;
use crate::{hash::Rng, parser};

/// Training settings (the defaults are those of the shipped model).
#[derive(Debug, Clone)]
pub struct Config {
    pub seed: u64,
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    pub labeler_epochs: usize,
    /// Jackknife folds for the parser's and labeller's training tags.
    pub folds: usize,
    /// Weights kept in the shipped tagger, parser, labeller and provisional arc labeller (the
    /// largest in magnitude).
    pub budget: [usize; 4],
    /// Probability of following the parser's own (possibly wrong) move while training, after the
    /// first epoch (exploration, Goldberg & Nivre 2013).
    pub explore: f64,
    pub provenance: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            seed: 1,
            tagger_epochs: 8,
            parser_epochs: 14,
            labeler_epochs: 8,
            folds: 4,
            budget: [400_000, 1_000_000, 300_000, 300_000],
            explore: 0.9,
            provenance: String::new(),
        }
    }
}

/// A treebank sentence as ids.
struct Sample {
    lex: Vec<Lex>,
    tags: Vec<u8>,
    /// Predicted (jackknifed) tags, for the parser and labeller.
    auto_tags: Vec<u8>,
    /// Gold heads by node (`[0]` unused) and their projective lift.
    heads: Vec<usize>,
    proj: Vec<usize>,
    labels: Vec<u8>,
}

struct Sets {
    tags: Vec<(String, String)>,
    tag_ids: HashMap<(String, String), u8>,
    /// Class of a rare (UPOS, XPOS) pair: the most frequent class with its UPOS.
    upos_default: HashMap<String, u8>,
    labels: Vec<String>,
    label_ids: HashMap<String, u8>,
}

fn sets(train: &[GoldSentence]) -> Result<Sets, Error> {
    let mut pairs: HashMap<(String, String), usize> = HashMap::new();
    let mut rels: HashMap<String, usize> = HashMap::new();
    for w in train.iter().flat_map(|s| &s.words) {
        *pairs.entry((w.upos.clone(), w.xpos.clone())).or_default() += 1;
        *rels.entry(w.deprel.clone()).or_default() += 1;
    }
    let mut pairs: Vec<_> = pairs.into_iter().filter(|p| p.1 >= 2).collect();
    pairs.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut rels: Vec<_> = rels.into_iter().collect();
    rels.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    if pairs.len() > 127 || rels.len() > crate::classify::MAX_CLASSES {
        // Tag ids leave the dictionary's top bit free.
        return Err(Error::Training(
            "more than 127 tags or 255 relations".into(),
        ));
    }
    let tags: Vec<(String, String)> = pairs.into_iter().map(|p| p.0).collect();
    let tag_ids = tags
        .iter()
        .enumerate()
        .map(|(i, t)| (t.clone(), i as u8))
        .collect();
    let mut upos_default = HashMap::new();
    for (i, t) in tags.iter().enumerate() {
        upos_default.entry(t.0.clone()).or_insert(i as u8);
    }
    let labels: Vec<String> = rels.into_iter().map(|r| r.0).collect();
    let label_ids = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.clone(), i as u8))
        .collect();
    Ok(Sets {
        tags,
        tag_ids,
        upos_default,
        labels,
        label_ids,
    })
}

fn samples(sents: &[GoldSentence], s: &Sets) -> Vec<Sample> {
    sents
        .iter()
        .map(|g| {
            let lex = g.words.iter().map(|w| Lex::new(&w.form)).collect();
            let tags = g
                .words
                .iter()
                .map(|w| {
                    s.tag_ids
                        .get(&(w.upos.clone(), w.xpos.clone()))
                        .or_else(|| s.upos_default.get(&w.upos))
                        .copied()
                        .unwrap_or(0)
                })
                .collect();
            let mut heads = vec![0];
            heads.extend(g.words.iter().map(|w| w.head));
            let mut proj = heads.clone();
            parser::projectivize(&mut proj);
            let mut labels = vec![0];
            labels.extend(
                g.words
                    .iter()
                    .map(|w| s.label_ids.get(&w.deprel).copied().unwrap_or(0)),
            );
            Sample {
                lex,
                auto_tags: Vec::new(),
                tags,
                heads,
                proj,
                labels,
            }
        })
        .collect()
}

fn tag_dict(samples: &[Sample]) -> TagDict {
    let mut counts: HashMap<u64, HashMap<u8, usize>> = HashMap::new();
    for s in samples {
        for (l, &t) in s.lex.iter().zip(&s.tags) {
            *counts.entry(l.word).or_default().entry(t).or_default() += 1;
        }
    }
    let mut dict = TagDict::default();
    for (w, c) in counts {
        let total: usize = c.values().sum();
        if total >= 2
            && let Some((&t, &n)) = c
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        {
            let sure = total >= 20 && n as f64 >= 0.97 * total as f64;
            dict.insert(w, if sure { t | tagger::SURE } else { t });
        }
    }
    dict
}

/// Share of words whose tag is right.
fn tag_accuracy<C: Classifier>(c: &C, dict: &TagDict, dev: &[Sample]) -> f64 {
    let (mut ok, mut all) = (0usize, 0usize);
    for s in dev {
        let p = tagger::tag(c, dict, &s.lex);
        ok += p.iter().zip(&s.tags).filter(|(a, b)| a == b).count();
        all += s.tags.len();
    }
    ok as f64 / all.max(1) as f64
}

fn train_tagger_epoch(t: &mut Trainer, dict: &TagDict, data: &[&Sample], rng: &mut Rng) {
    let mut order: Vec<usize> = (0..data.len()).collect();
    rng.shuffle(&mut order);
    let mut feats = Vec::new();
    for &k in &order {
        let s = data[k];
        let parts = tagger::dict_parts(dict, &s.lex);
        let mut prev: Vec<u8> = Vec::with_capacity(s.lex.len());
        for i in 0..s.lex.len() {
            if let Some(t) = tagger::sure(dict, &s.lex[i]) {
                prev.push(t);
                continue;
            }
            let p1 = i.checked_sub(1).map(|j| prev[j]);
            let p2 = i.checked_sub(2).map(|j| prev[j]);
            tagger::features(&s.lex, &parts, i, p1, p2, &mut feats);
            let guess = t.best(&feats, |_| true).unwrap_or(0);
            t.update(&feats, usize::from(s.tags[i]), guess);
            t.tick();
            prev.push(guess as u8);
        }
    }
}

/// Trains a tagger for `cfg.tagger_epochs` epochs; with a dev set, returns the best epoch's
/// weights.
fn train_tagger(
    n_tags: usize,
    dict: &TagDict,
    data: &[&Sample],
    dev: Option<&[Sample]>,
    cfg: &Config,
    rng: &mut Rng,
    log: &mut dyn FnMut(&str),
) -> Weights {
    let (epochs, budget) = (cfg.tagger_epochs, cfg.budget[0]);
    let mut t = Trainer::new(n_tags);
    let mut best: Option<(f64, Weights)> = None;
    for e in 0..epochs {
        train_tagger_epoch(&mut t, dict, data, rng);
        if let Some(dev) = dev {
            let w = t.averaged(budget);
            let acc = tag_accuracy(&w, dict, dev);
            log(&format!(
                "tagger epoch {}: dev tag accuracy {:.2} %",
                e + 1,
                100.0 * acc
            ));
            if best.as_ref().is_none_or(|b| acc > b.0) {
                best = Some((acc, w));
            }
        }
    }
    best.map_or_else(|| t.averaged(budget), |b| b.1)
}

fn train_parser_epoch(
    t: &mut Trainer,
    arcs: &mut Trainer,
    data: &[Sample],
    explore: f64,
    rng: &mut Rng,
) {
    let mut order: Vec<usize> = (0..data.len()).collect();
    rng.shuffle(&mut order);
    let mut feats = Vec::new();
    let mut scores = [0f32; parser::MOVES];
    for &k in &order {
        let s = &data[k];
        let kids = labeler::children(&s.proj);
        let mut st = parser::State::for_sentence(&s.lex);
        while !st.done() {
            parser::features(&st, &s.lex, &s.auto_tags, &mut feats);
            t.score(&feats, &mut scores);
            let costs = st.costs(&s.proj, &kids);
            let min = costs.iter().copied().min().unwrap_or(0);
            let Some(guess) = crate::classify::argmax(&scores, |m| st.valid(m)) else {
                break;
            };
            let Some(gold) = crate::classify::argmax(&scores, |m| st.valid(m) && costs[m] == min)
            else {
                break;
            };
            if costs[guess] > min {
                t.update(&feats, gold, guess);
            }
            t.tick();
            let follow = if explore > 0.0 && (rng.next_u64() as f64 / u64::MAX as f64) < explore {
                guess
            } else {
                gold
            };
            let label = match st.arc(follow) {
                Some((h, d)) => {
                    parser::arc_features(&st, &s.lex, &s.auto_tags, h, d, &mut feats);
                    let guess = arcs.best(&feats, |_| true).unwrap_or(0);
                    // Only arcs of the gold tree teach labels; wrong arcs keep the guess.
                    if s.proj[d] == h {
                        arcs.update(&feats, usize::from(s.labels[d]), guess);
                    }
                    arcs.tick();
                    guess as u8
                }
                None => parser::NO_LABEL,
            };
            st.apply_labelled(follow, label);
        }
    }
}

fn attachment<C: Classifier, A: Classifier>(c: &C, arcs: &A, dev: &[Sample]) -> f64 {
    let (mut ok, mut all) = (0usize, 0usize);
    for s in dev {
        let h = parser::parse(c, arcs, &s.lex, &s.auto_tags);
        ok += (1..h.len()).filter(|&i| h[i] == s.heads[i]).count();
        all += s.lex.len();
    }
    ok as f64 / all.max(1) as f64
}

fn train_labeler_epoch(t: &mut Trainer, sets: &Sets, data: &[Sample], rng: &mut Rng) {
    let upos: Vec<&str> = sets.tags.iter().map(|t| t.0.as_str()).collect();
    let mut order: Vec<usize> = (0..data.len()).collect();
    rng.shuffle(&mut order);
    let mut feats = Vec::new();
    for &k in &order {
        let s = &data[k];
        let kids = labeler::children(&s.heads);
        let cx = Ctx {
            lex: &s.lex,
            tags: &s.auto_tags,
            upos: &upos,
            heads: &s.heads,
            kids: &kids,
        };
        for d in labeler::top_down(&kids) {
            let h = s.heads[d];
            if h != 0 && upos[usize::from(s.auto_tags[d - 1])] == "PUNCT" {
                continue;
            }
            labeler::features(&cx, d, labeler::head_label_part(h, s.labels[h]), &mut feats);
            let guess = t.best(&feats, |_| true).unwrap_or(0);
            t.update(&feats, usize::from(s.labels[d]), guess);
            t.tick();
        }
    }
}

/// Labelled attachment on dev with predicted heads and labels.
fn labelled<C: Classifier, P: Classifier, A: Classifier>(
    p: &P,
    arcs: &A,
    c: &C,
    sets: &Sets,
    dev: &[Sample],
) -> f64 {
    let upos: Vec<&str> = sets.tags.iter().map(|t| t.0.as_str()).collect();
    let root = sets.label_ids.get("root").map_or(0, |&r| usize::from(r));
    let punct_label = sets.label_ids.get("punct").map(|&r| usize::from(r));
    let (mut ok, mut all) = (0usize, 0usize);
    for s in dev {
        let heads = parser::parse(p, arcs, &s.lex, &s.auto_tags);
        let kids = labeler::children(&heads);
        let cx = Ctx {
            lex: &s.lex,
            tags: &s.auto_tags,
            upos: &upos,
            heads: &heads,
            kids: &kids,
        };
        let l = labeler::label(c, &cx, root, punct_label);
        ok += (1..heads.len())
            .filter(|&i| heads[i] == s.heads[i] && l[i] == s.labels[i])
            .count();
        all += s.lex.len();
    }
    ok as f64 / all.max(1) as f64
}

/// Trains a model on `train`, choosing epochs on `dev`. `log` receives progress lines.
pub fn train(
    train: &[GoldSentence],
    dev: &[GoldSentence],
    cfg: &Config,
    log: &mut dyn FnMut(&str),
) -> Result<Model, Error> {
    if train.is_empty() || dev.is_empty() {
        return Err(Error::Training("empty training or dev set".into()));
    }
    let sets = sets(train)?;
    let mut data = samples(train, &sets);
    let mut dev_data = samples(dev, &sets);
    let dict = tag_dict(&data);
    log(&format!(
        "{} training and {} dev sentences; {} tags, {} relations, {} dictionary words",
        data.len(),
        dev_data.len(),
        sets.tags.len(),
        sets.labels.len(),
        dict.len()
    ));
    let mut rng = Rng::new(cfg.seed);

    let all: Vec<&Sample> = data.iter().collect();
    let tagger_w = train_tagger(
        sets.tags.len(),
        &dict,
        &all,
        Some(&dev_data),
        cfg,
        &mut rng,
        log,
    );
    // Jackknifing: fold k is tagged by a tagger trained on the other folds. The folds' taggers
    // use the same dictionary; its entries for a fold's own words make their tags slightly better
    // than at run time, a small bias accepted for simplicity.
    let folds = cfg.folds.max(2);
    let mut auto: Vec<Vec<u8>> = vec![Vec::new(); data.len()];
    for k in 0..folds {
        let rest: Vec<&Sample> = data
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != k)
            .map(|p| p.1)
            .collect();
        let w = train_tagger(
            sets.tags.len(),
            &dict,
            &rest,
            None,
            cfg,
            &mut rng,
            &mut |_| {},
        );
        for (i, s) in data.iter().enumerate().filter(|(i, _)| i % folds == k) {
            auto[i] = tagger::tag(&w, &dict, &s.lex);
        }
        log(&format!("jackknife fold {}/{folds} tagged", k + 1));
    }
    for (s, a) in data.iter_mut().zip(auto) {
        s.auto_tags = a;
    }
    for s in &mut dev_data {
        s.auto_tags = tagger::tag(&tagger_w, &dict, &s.lex);
    }

    let mut pt = Trainer::new(parser::MOVES);
    let mut at = Trainer::new(sets.labels.len());
    let mut best: Option<(f64, Weights, Weights)> = None;
    for e in 0..cfg.parser_epochs {
        let explore = if e == 0 { 0.0 } else { cfg.explore };
        train_parser_epoch(&mut pt, &mut at, &data, explore, &mut rng);
        let w = pt.averaged(cfg.budget[1]);
        let a = at.averaged(cfg.budget[3]);
        let uas = attachment(&w, &a, &dev_data);
        log(&format!(
            "parser epoch {}: dev UAS {:.2} % ({} move weights, {} arc label weights)",
            e + 1,
            100.0 * uas,
            w.n_entries(),
            a.n_entries()
        ));
        if best.as_ref().is_none_or(|b| uas > b.0) {
            best = Some((uas, w, a));
        }
    }
    let (parser_w, arcs_w) = best
        .map(|b| (b.1, b.2))
        .ok_or_else(|| Error::Training("no parser epochs".into()))?;
    drop((pt, at));

    let mut lt = Trainer::new(sets.labels.len());
    let mut best: Option<(f64, Weights)> = None;
    for e in 0..cfg.labeler_epochs {
        train_labeler_epoch(&mut lt, &sets, &data, &mut rng);
        let w = lt.averaged(cfg.budget[2]);
        let las = labelled(&parser_w, &arcs_w, &w, &sets, &dev_data);
        log(&format!(
            "labeller epoch {}: dev LAS {:.2} % ({} weights)",
            e + 1,
            100.0 * las,
            w.n_entries()
        ));
        if best.as_ref().is_none_or(|b| las > b.0) {
            best = Some((las, w));
        }
    }
    let labeler_w = best
        .map(|b| b.1)
        .ok_or_else(|| Error::Training("no labeller epochs".into()))?;

    let lemmas = Lemmatizer::train(
        train
            .iter()
            .flat_map(|s| &s.words)
            .map(|w| (w.form.as_str(), w.upos.as_str(), w.lemma.as_str())),
    );
    Model::assemble(
        cfg.provenance.clone(),
        sets.tags,
        dict,
        tagger_w,
        parser_w,
        arcs_w,
        sets.labels,
        labeler_w,
        lemmas,
    )
}
