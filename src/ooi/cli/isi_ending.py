"""What `ooi isi` says when its questions are done: what is left in the file, wrapped, and what to do next."""

from ooi.i18n import tr


def summary(screen, walk) -> int:
    """What is left in the file, wrapped to the screen, and what to do next: go on, or send the file."""
    result = walk.result()
    screen.rule(tr("selesai", "done"))
    findings = [finding for finding in result.findings if finding.path == walk.rel]
    left = tr(", {k} dilewati", ", {k} skipped", k=walk.passed) if walk.passed else ""
    if not findings:
        screen.say(tr("Bersih: lolos semua pemeriksaan ({n} jawaban tersimpan{l}).",
                      "Clean: every check passes ({n} answer(s) saved{l}).", n=walk.answered, l=left))
    else:
        errors = sum(finding.is_error for finding in findings)
        screen.say(tr("{n} jawaban tersimpan{l}. Masih ada {e} error dan {w} peringatan:",
                      "{n} answer(s) saved{l}. Still open: {e} error(s) and {w} warning(s):",
                      n=walk.answered, l=left, e=errors, w=len(findings) - errors))
        for finding in findings:
            level = tr("error", "error") if finding.is_error else tr("peringatan", "warning")
            screen.say(tr("  baris {b}: {s} {c} {m}", "  line {b}: {s} {c} {m}", b=finding.line, s=level,
                          c=finding.code, m=finding.message), indent=6)
            if finding.hint:
                screen.say(tr("      saran: {h}", "      hint: {h}", h=finding.hint), indent=8)
    screen.say("")
    for line in _next_steps(walk, result.errors > 0):
        screen.say(line, indent=4)
    return 1 if result.errors else 0


def _next_steps(walk, errors: bool) -> list[str]:
    """Continue while errors stand; else how the file reaches the secretariat (a pull request, or the form)."""
    if errors:  # each command on a line of its own: copied whole, never cut by the wrapping
        return [tr("Langkah berikutnya: lanjutkan mengisi (yang dilewati ditanyakan lagi):",
                   "Next: continue filling it in (what was skipped is asked again):"),
                f"  ooi isi {walk.rel}",
                tr("atau ubah berkasnya sendiri, lalu periksa:", "or edit the file yourself, then check it:"),
                f"  ooi validate {walk.rel}"]
    steps = [tr("Langkah berikutnya: kirim berkasnya lewat pull request:",
                "Next: send the file as a pull request:"),
             f"  git add {walk.rel}",
             tr('  git commit -m "Inovasi {s}"', '  git commit -m "Innovation {s}"', s=_stem(walk.rel)),
             tr("  git push, lalu buka pull request ke cabang {c}; CI memeriksanya dan sekretariat meninjaunya.",
                "  git push, then open a pull request to the {c} branch; CI checks it and the secretariat "
                "reviews it.", c=walk.settings.cabang)]
    if walk.settings.github_repo:  # the form `ooi cms` makes, as README says the secretariat publishes it
        owner, name = walk.settings.github_repo.split("/", 1)
        steps.append(tr("Tanpa git: isi formulir di peramban, https://{o}.github.io/{n}/admin/ (halaman yang "
                        "diterbitkan sekretariat); hasilnya juga menjadi pull request.",
                        "Without git: fill in the form in a browser, https://{o}.github.io/{n}/admin/ (the page the "
                        "secretariat publishes); it becomes a pull request too.", o=owner, n=name))
    return steps


def _stem(rel: str) -> str:
    return rel.rsplit("/", 1)[-1].removesuffix(".yaml")
