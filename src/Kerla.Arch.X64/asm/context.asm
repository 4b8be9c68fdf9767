; Switching kernel stacks between tasks, and a forked child's first return to
; user mode.
bits 64
default rel
section .text

global x64_switch
global x64_fork_child_return
extern syscall_return_path

; x64_switch(uint64_t *save_rsp, uint64_t load_rsp): saves the callee-saved
; registers on this stack, stores rsp, loads the other task's rsp and returns
; into whatever that task was doing when it switched away.
x64_switch:
    push rbp
    push rbx
    push r12
    push r13
    push r14
    push r15
    mov [rdi], rsp
    mov rsp, rsi
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    pop rbp
    ret

; A new task starts here (its first x64_switch "returns" to this address),
; with rsp at the SSE state to load, and above it the TrapFrame to return to
; user mode with (for a forked child, a copy of the parent's, whose rax is 0).
x64_fork_child_return:
    fxrstor [rsp]
    add rsp, 512
    jmp syscall_return_path
