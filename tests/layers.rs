//! The layers form a line, as the README draws them: `core` ← `platform` ← `store` ←
//! `state` ← `ui` ← `app`. A lower layer never names a higher one, and inside a layer the
//! top-level modules never need each other in a circle (and `core::ink` needs none of the
//! others). This reads `src/` as text, so a new
//! `use` that breaks the line fails here rather than in a review.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Each layer and the layers it may use: every one before it in this list.
const LAYERS: [&str; 6] = ["core", "platform", "store", "state", "ui", "app"];

/// The texts in each language (`src/i18n.rs`) are for the screens: ui and above.
const TEXTS: &str = "i18n";

fn rank(layer: &str) -> Option<usize> {
    if layer == TEXTS {
        return rank("ui");
    }
    LAYERS.iter().position(|known| *known == layer)
}

/// One source file: its module path inside the crate (`core::ink::codec`) and its text.
struct SourceFile {
    module: Vec<String>,
    /// A `mod.rs` (or the crate root): relative `use` paths start at this module itself.
    is_mod_rs: bool,
    text: String,
}

fn read_sources() -> Vec<SourceFile> {
    let mut files = Vec::new();
    collect(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src").as_path(),
        &[],
        &mut files,
    );
    files
}

fn collect(dir: &Path, module: &[String], files: &mut Vec<SourceFile>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .expect("src/ is readable")
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            let mut inner = module.to_vec();
            inner.push(name);
            collect(&path, &inner, files);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            let crate_root = module.is_empty() && (name == "lib" || name == "main");
            let is_mod_rs = name == "mod" || crate_root;
            let mut own = module.to_vec();
            if !is_mod_rs {
                own.push(name);
            }
            let text = fs::read_to_string(&path).expect("a readable source file");
            files.push(SourceFile {
                module: own,
                is_mod_rs,
                text: without_comments(&text),
            });
        }
    }
}

/// The code without `//` comments (doc links name modules without using them).
fn without_comments(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path a file names: each `use` tree expanded, and each `crate::`/`super::` path in
/// the code.
fn named_paths(text: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let mut rest = text;
    while let Some(at) = find_use(rest) {
        let after = &rest[at..];
        let end = after.find(';').unwrap_or(after.len());
        let tree: String = after[..end].split_whitespace().collect();
        expand_use_tree("", &tree, &mut paths);
        rest = &after[end..];
    }
    for word in text.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')) {
        if word.starts_with("crate::") || word.starts_with("super::") {
            paths.push(word.trim_end_matches(':').to_owned());
        }
    }
    paths
}

/// The start of the next `use` item's path, after `use ` (also `pub use`, `pub(crate) use`).
fn find_use(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(found) = text[from..].find("use ") {
        let at = from + found;
        let before = text[..at].chars().last();
        if before.is_none_or(|c| c.is_whitespace() || c == ')') {
            return Some(at + 4);
        }
        from = at + 4;
    }
    None
}

/// `a::{b, c::{d}}` → `a::b`, `a::c::d`.
fn expand_use_tree(prefix: &str, tree: &str, out: &mut Vec<String>) {
    let join = |head: &str| {
        if prefix.is_empty() {
            head.to_owned()
        } else {
            format!("{prefix}::{head}")
        }
    };
    match tree.find('{') {
        None => out.push(join(tree.split(" as ").next().unwrap_or(tree))),
        Some(open) => {
            let head = join(tree[..open].trim_end_matches("::"));
            let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        expand_use_tree(&head, &inner[start..i], out);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            if start < inner.len() {
                expand_use_tree(&head, &inner[start..], out);
            }
        }
    }
}

/// The crate-absolute segments a path names from `file`; None for other crates.
fn absolute(
    file: &SourceFile,
    path: &str,
    children: &BTreeSet<Vec<String>>,
) -> Option<Vec<String>> {
    let segments: Vec<String> = path
        .split("::")
        .filter(|s| !s.is_empty() && *s != "self")
        .map(str::to_owned)
        .collect();
    let first = segments.first()?;
    if first == "crate" {
        return Some(segments[1..].to_vec());
    }
    if first == "super" {
        let mut base = file.module.clone();
        let mut rest = &segments[..];
        // From a file module, `super` is its parent; each further `super` one more up.
        while rest.first().is_some_and(|s| s == "super") {
            base.pop();
            rest = &rest[1..];
        }
        base.extend(rest.iter().cloned());
        return Some(base);
    }
    // A relative path from a module's own children (`pub use entry::Entry` in core/mod.rs).
    let mut candidate = file.module.clone();
    candidate.push(first.clone());
    if file.is_mod_rs && children.contains(&candidate) {
        let mut base = file.module.clone();
        base.extend(segments.iter().cloned());
        return Some(base);
    }
    None
}

/// Which top-level module of a layer a name re-exported at the layer's root comes from:
/// `core::Drawing` → `ink` when core/mod.rs says `pub use ink::Drawing`.
fn re_exports(
    files: &[SourceFile],
    modules: &BTreeSet<Vec<String>>,
) -> BTreeMap<(String, String), String> {
    let mut found = BTreeMap::new();
    for file in files.iter().filter(|f| f.module.len() == 1 && f.is_mod_rs) {
        for path in named_paths(&file.text) {
            let Some(absolute) = absolute(file, &path, modules) else {
                continue;
            };
            if absolute.len() >= 3 && absolute[0] == file.module[0] {
                let item = absolute.last().unwrap().clone();
                found.insert((absolute[0].clone(), item), absolute[1].clone());
            }
        }
    }
    found
}

struct Graph {
    /// (layer of the file, layer named, file, path) for every name a file uses.
    uses: Vec<(String, String, String, String)>,
    /// Inside each layer: top-level module → the top-level modules it names.
    inside: BTreeMap<String, BTreeMap<String, BTreeSet<String>>>,
}

fn graph() -> Graph {
    let files = read_sources();
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| f.module.clone()).collect();
    let exported = re_exports(&files, &modules);
    let mut uses = Vec::new();
    let mut inside: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for file in &files {
        let Some(layer) = file.module.first() else {
            continue;
        };
        let own_top = file.module.get(1).cloned();
        for path in named_paths(&file.text) {
            let Some(target) = absolute(file, &path, &modules) else {
                continue;
            };
            let Some(target_layer) = target.first() else {
                continue;
            };
            if rank(target_layer).is_none() {
                continue;
            }
            uses.push((
                layer.clone(),
                target_layer.clone(),
                file.module.join("::"),
                path.clone(),
            ));
            if target_layer != layer {
                continue;
            }
            let Some(name) = target.get(1) else {
                continue;
            };
            let module_named = modules.contains(&vec![layer.clone(), name.clone()]);
            let target_top = if module_named {
                Some(name.clone())
            } else {
                exported.get(&(layer.clone(), name.clone())).cloned()
            };
            if let (Some(from), Some(to)) = (&own_top, target_top) {
                if *from != to {
                    inside
                        .entry(layer.clone())
                        .or_default()
                        .entry(from.clone())
                        .or_default()
                        .insert(to);
                }
            }
        }
    }
    Graph { uses, inside }
}

#[test]
fn no_layer_names_a_higher_one() {
    let graph = graph();
    let wrong: Vec<String> = graph
        .uses
        .iter()
        .filter(|(from, to, _, _)| rank(to) > rank(from))
        .map(|(from, to, file, path)| format!("{file} ({from}) uses {path} ({to})"))
        .collect();
    assert!(
        wrong.is_empty(),
        "lower layers name higher ones:\n{}",
        wrong.join("\n")
    );
    // The test sees what it checks: every layer is found, and uses are read.
    for layer in ["core", "store", "state", "ui"] {
        assert!(
            graph.uses.iter().any(|(from, _, _, _)| from == layer),
            "no file of {layer} found"
        );
    }
}

#[test]
fn modules_inside_a_layer_need_each_other_in_no_circle() {
    let graph = graph();
    for (layer, edges) in &graph.inside {
        if let Some(circle) = find_circle(edges) {
            panic!(
                "in {layer}, modules need each other in a circle: {}",
                circle.join(" → ")
            );
        }
    }
    // The test sees what it checks: core's modules are read with their edges.
    assert!(graph
        .inside
        .get("core")
        .is_some_and(|edges| edges.len() > 3));
}

#[test]
fn ink_needs_nothing_of_core_outside_ink() {
    // The drawing engine stands alone, so it can be measured, reused and tested by itself.
    let graph = graph();
    let ink_uses = graph.inside.get("core").and_then(|edges| edges.get("ink"));
    assert_eq!(ink_uses, None, "core::ink uses other modules of core");
    assert!(graph
        .inside
        .get("core")
        .is_some_and(|edges| edges.values().any(|to| to.contains("ink"))));
}

fn find_circle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut circle = path[at..].to_vec();
            circle.push(node.to_owned());
            return Some(circle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(circle) = visit(next, edges, path, done) {
                return Some(circle);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|start| visit(start, edges, &mut Vec::new(), &mut done))
}

#[test]
fn the_reader_expands_use_trees_and_finds_circles() {
    let mut out = Vec::new();
    expand_use_tree(
        "",
        "crate::core::{entry::Entry,ink::{Stamp,Stroke}}",
        &mut out,
    );
    assert_eq!(
        out,
        [
            "crate::core::entry::Entry",
            "crate::core::ink::Stamp",
            "crate::core::ink::Stroke"
        ]
    );
    let edges = BTreeMap::from([
        ("a".to_owned(), BTreeSet::from(["b".to_owned()])),
        ("b".to_owned(), BTreeSet::from(["a".to_owned()])),
    ]);
    assert_eq!(
        find_circle(&edges),
        Some(vec!["a".into(), "b".into(), "a".into()])
    );
    let line = BTreeMap::from([("a".to_owned(), BTreeSet::from(["b".to_owned()]))]);
    assert_eq!(find_circle(&line), None);
}
