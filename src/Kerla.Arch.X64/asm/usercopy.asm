; Copies between kernel and user memory. A fault inside user_copy's window
; (user_copy_start .. user_copy_end) is not a kernel bug: the page-fault handler
; resumes at user_copy_fault, which returns -EFAULT (Interrupts/Traps.cs).
bits 64
default rel
section .text

global x64_user_copy
global user_copy_start
global user_copy_end
global user_copy_fault

; x64_user_copy(dst, src, len) -> 0, or -14 (EFAULT) if a byte was not accessible.
x64_user_copy:
    mov rcx, rdx
user_copy_start:
    rep movsb
user_copy_end:
    xor eax, eax
    ret
user_copy_fault:
    mov rax, -14
    ret

; The addresses of the window, for C#: start, end, fault.
global x64_user_copy_window
x64_user_copy_window:
    lea rax, [user_copy_start]
    mov [rdi], rax
    lea rax, [user_copy_end]
    mov [rdi + 8], rax
    lea rax, [user_copy_fault]
    mov [rdi + 16], rax
    ret
