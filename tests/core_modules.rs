//! The modules of `core` form no cycle, and `core::ink` needs nothing of `core` outside
//! itself: a drawing is ink, whatever question or tool it answers. Read from the sources, so
//! an import that brings a cycle back fails here, not in a reviewer's head.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each module directly in `core` (a folder counts as one) and the modules of `core` its
/// code, tests left out, uses.
fn core_graph() -> BTreeMap<String, BTreeSet<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core");
    let mut graph = BTreeMap::new();
    let mut files = vec![root.clone()];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let relative = path.strip_prefix(&root).unwrap().with_extension("");
        let mut segments: Vec<String> = relative
            .iter()
            .map(|s| s.to_string_lossy().into_owned())
            .collect();
        if segments.last().is_some_and(|last| last == "mod") {
            segments.pop();
        }
        if segments.is_empty() {
            continue; // core/mod.rs: the re-exports, which use everything
        }
        let source = std::fs::read_to_string(&path).unwrap();
        // Tests sit at the end of each file and may use anything.
        let code = source.split("#[cfg(test)]").next().unwrap();
        let uses: &mut BTreeSet<String> = graph.entry(segments[0].clone()).or_default();
        for used in used_modules(code, &segments) {
            if used != segments[0] {
                uses.insert(used);
            }
        }
    }
    graph
}

/// The modules of `core` named by the `super::` and `crate::core::` paths in `code`, for a
/// file whose module is `core::<segments>`.
fn used_modules(code: &str, segments: &[String]) -> Vec<String> {
    let mut used = Vec::new();
    for (at, _) in code.match_indices("crate::core::") {
        let rest = &code[at + "crate::core::".len()..];
        assert!(
            !rest.starts_with('{'),
            "core::{} names items through core's re-exports; name their module",
            segments.join("::")
        );
        used.push(identifier(rest));
    }
    for (at, _) in code.match_indices("super::") {
        if code[..at].ends_with("super::") {
            continue; // counted with the first `super::` of the path
        }
        let mut rest = &code[at + "super::".len()..];
        let mut depth = 1;
        while let Some(after) = rest.strip_prefix("super::") {
            rest = after;
            depth += 1;
        }
        // `super` of `core::a::b` is `core::a`; of `core::a`, `core` itself.
        let parent = &segments[..segments.len() - depth];
        match parent.first() {
            Some(first) => used.push(first.clone()),
            None => used.push(identifier(rest)),
        }
    }
    used
}

fn identifier(text: &str) -> String {
    text.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

#[test]
fn ink_needs_nothing_of_core_outside_ink() {
    let graph = core_graph();
    assert_eq!(graph["ink"], BTreeSet::new(), "{graph:#?}");
}

#[test]
fn the_modules_of_core_form_no_cycle() {
    let graph = core_graph();
    // Take away, again and again, the modules that use nothing left; a cycle is what stays.
    let mut left = graph.clone();
    loop {
        let free: Vec<String> = left
            .iter()
            .filter(|(_, uses)| uses.iter().all(|used| !left.contains_key(used)))
            .map(|(module, _)| module.clone())
            .collect();
        if free.is_empty() {
            break;
        }
        for module in free {
            left.remove(&module);
        }
    }
    assert!(left.is_empty(), "a cycle among {left:#?}");
    // Every module named is one that exists, so a misread path cannot hide a cycle.
    for (module, uses) in &graph {
        for used in uses {
            assert!(
                graph.contains_key(used),
                "core::{module} uses core::{used}?"
            );
        }
    }
}
