; Interrupt and exception entry. Every vector gets a stub that pushes an error
; code (0 where the CPU pushes none) and its number, then trap_common saves the
; general registers and the SSE state (compiled C# uses xmm registers) and calls
; trap_handler(TrapFrame*) with a 16-byte-aligned stack.
bits 64
default rel

global trap_vectors
extern trap_handler

section .text

%macro TRAP_NOERR 1
trap_stub_%1:
    push 0
    push %1
    jmp trap_common
%endmacro

%macro TRAP_ERR 1
trap_stub_%1:
    push %1
    jmp trap_common
%endmacro

; Vectors with a CPU error code: 8, 10-14, 17, 21, 29, 30.
%assign v 0
%rep 256
%if v == 8 || (v >= 10 && v <= 14) || v == 17 || v == 21 || v == 29 || v == 30
    TRAP_ERR v
%else
    TRAP_NOERR v
%endif
%assign v v + 1
%endrep

trap_common:
    ; TrapFrame, lowest address first: rax rbx rcx rdx rsi rdi rbp r8-r15,
    ; vector, error code, then what the CPU pushed (rip cs rflags rsp ss).
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
    cld
    mov r12, rsp
    and rsp, -16
    sub rsp, 512
    fxsave [rsp]
    mov rdi, r12
    call trap_handler
    fxrstor [rsp]
    mov rsp, r12
; Returns to where the TrapFrame at rsp says, restoring every register; the
; syscall return path comes here too when sysret will not do.
global trap_return
trap_return:
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
    add rsp, 16
    iretq

section .rodata
align 8
; The stub address of every vector, for the IDT.
trap_vectors:
%assign v 0
%rep 256
    dq trap_stub_%+v
%assign v v + 1
%endrep

section .text
; The address of trap_vectors, for C#.
global trap_vectors_address
trap_vectors_address:
    lea rax, [trap_vectors]
    ret
