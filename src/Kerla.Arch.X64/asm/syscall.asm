; The syscall instruction's entry and exit (also the way a new task enters user mode).
;
; syscall leaves the user rip in rcx and rflags in r11 and masks IF (FMASK), but
; does not switch stacks: we move to the task's kernel stack and build the same
; frame an interrupt from user mode builds (TrapFrame: every general register,
; then the syscall number in the vector slot, a return-kind word in the error
; code slot, and an iretq frame), save the SSE state below it, and call
; syscall_handler(TrapFrame*), which writes the result into the frame's rax.
;
; The return normally goes through sysret, which restores neither rcx nor r11
; (Linux promises to preserve every register but rax, rcx and r11). When the
; kernel rewrote the registers (a signal handler's entry, rt_sigreturn, exec)
; or the return rip is not canonical, the error code slot is nonzero and the
; return goes through iretq, which restores everything.
;
; Of the FPU and SSE state only xmm0-xmm15 are saved (where FXSAVE would put
; them): compiled C# uses them, but never x87 or MXCSR, and a full FXSAVE and
; FXRSTOR cost more than half of a null syscall under emulation. When the
; kernel needs the whole image (signals, fork) it completes it (Tasks.cs);
; when it rewrote it (the error code slot is nonzero) the return loads it all.
bits 64
default rel

extern syscall_handler
extern trap_return
global syscall_entry
global syscall_kernel_rsp

USER_CS equ 0x23
USER_SS equ 0x1b

section .bss
align 16
syscall_user_rsp: resq 1
syscall_kernel_rsp: resq 1
; The kernel stack of the boot task: syscalls and interrupts from user mode
; (TSS rsp0) run on it until the first task switch.
align 16
task_stack: resb 64 * 1024
task_stack_top:

section .text
syscall_entry:
    mov [syscall_user_rsp], rsp
    mov rsp, [syscall_kernel_rsp]
    push USER_SS
    push qword [syscall_user_rsp]
    push r11
    push USER_CS
    push rcx
    push 0          ; error code slot: 0 = return through sysret
    push rax        ; vector slot: the syscall number, kept for restarting it
    push r15
    push r14
    push r13
    push r12
    push r11
    push r10
    push r9
    push r8
    push rbp
    push rdi
    push rsi
    push rdx
    push rcx
    push rbx
    push rax
    mov rbp, rsp
    sub rsp, 512
%assign i 0
%rep 16
    movdqa [rsp + 160 + i * 16], xmm %+ i
%assign i i + 1
%endrep
    mov rdi, rbp
    cld
    call syscall_handler
    cmp qword [rbp + 16 * 8], 0
    jne .whole_state
%assign i 0
%rep 16
    movdqa xmm %+ i, [rsp + 160 + i * 16]
%assign i i + 1
%endrep
    jmp .restored
.whole_state:
    fxrstor [rsp]
.restored:
    mov rsp, rbp
global syscall_return_path
syscall_return_path:
    ; From here on the stack pointer may be the user's: no interrupts.
    cli
    cmp qword [rsp + 16 * 8], 0
    jne trap_return
    ; sysret to a non-canonical rip would fault in kernel mode on the user's
    ; stack: return through iretq instead, where the fault is the user's.
    mov rcx, [rsp + 17 * 8]
    shr rcx, 47
    jnz trap_return
    pop rax
    pop rbx
    pop rcx
    pop rdx
    pop rsi
    pop rdi
    pop rbp
    pop r8
    pop r9
    pop r10
    pop r11
    pop r12
    pop r13
    pop r14
    pop r15
    add rsp, 16     ; vector and error code
    pop rcx         ; rip
    add rsp, 8      ; cs
    pop r11         ; rflags
    pop rsp
    o64 sysret

; The top of the task's kernel stack, for the TSS and syscall_kernel_rsp.
global x64_task_stack_top
x64_task_stack_top:
    lea rax, [task_stack_top]
    ret

global x64_syscall_entry_address
x64_syscall_entry_address:
    lea rax, [syscall_entry]
    ret

global x64_set_syscall_stack
x64_set_syscall_stack:
    mov [syscall_kernel_rsp], rdi
    ret

global x64_fork_child_return_address
extern x64_fork_child_return
x64_fork_child_return_address:
    lea rax, [x64_fork_child_return]
    ret
