; The syscall instruction's entry and exit (also the way a new task enters user mode).
;
; syscall leaves the user rip in rcx and rflags in r11 and masks IF (FMASK), but
; does not switch stacks: we move to the task's kernel stack, save what Linux
; promises to preserve (every register but rax, rcx, r11, and the SSE state),
; and call syscall_handler(SyscallFrame*), which writes the result into the
; frame's rax.
bits 64
default rel

extern syscall_handler
global syscall_entry
global syscall_kernel_rsp

USER_CS equ 0x23
USER_SS equ 0x1b

section .bss
align 16
syscall_user_rsp: resq 1
syscall_kernel_rsp: resq 1
; The kernel stack of the (single, for now) user task: syscalls and interrupts
; from user mode (TSS rsp0) run on it.
align 16
task_stack: resb 64 * 1024
task_stack_top:

section .text
syscall_entry:
    mov [syscall_user_rsp], rsp
    mov rsp, [syscall_kernel_rsp]
    ; SyscallFrame, lowest address first: r15 r14 r13 r12 rbp rbx r9 r8 r10 rdx
    ; rsi rdi rax rip rflags rsp.
    push qword [syscall_user_rsp]
    push r11
    push rcx
    push rax
    push rdi
    push rsi
    push rdx
    push r10
    push r8
    push r9
    push rbx
    push rbp
    push r12
    push r13
    push r14
    push r15
    mov rbp, rsp
    sub rsp, 512
    fxsave [rsp]
    mov rdi, rbp
    cld
    call syscall_handler
    fxrstor [rsp]
    mov rsp, rbp
global syscall_return_path
syscall_return_path:
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbp
    pop rbx
    pop r9
    pop r8
    pop r10
    pop rdx
    pop rsi
    pop rdi
    pop rax
    pop rcx
    pop r11
    ; sysret to a non-canonical rip would fault in kernel mode on the user's
    ; stack: return through iretq instead, where the fault is the user's.
    mov [syscall_user_rsp], rcx
    shr qword [syscall_user_rsp], 47
    jnz .iret
    pop rsp
    o64 sysret
.iret:
    pop qword [syscall_user_rsp]
    push USER_SS
    push qword [syscall_user_rsp]
    push r11
    push USER_CS
    push rcx
    iretq

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
